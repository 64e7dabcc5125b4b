package nl.ruimteschets.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.ScenarioEngine;
import nl.ruimteschets.analysis.ScenarioResult;
import nl.ruimteschets.io.CancelledException;
import nl.ruimteschets.io.Exports;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.UserMessage;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The headless command line over the engine. Exit codes: 0 success, 2 usage error, 3 bad input
 * (message on stderr in the user's language). JSON output uses English keys and carries units in
 * the key names (…_ha, …_m).
 */
@Command(name = "ruimteschets", mixinStandardHelpOptions = true, version = "Ruimteschets 0.1.0",
        description = "Ruimteschets: space and environmental room around the Dutch industrial clusters.",
        subcommands = {Cli.Import.class, Cli.Layers.class, Cli.Analyse.class, Cli.Export.class, Cli.Report.class, Cli.Sample.class,
                SearchCommand.class,
                ValidateCommand.class, CopyCommand.class})
public final class Cli {
    public static final int EXIT_BAD_INPUT = 3;

    @Option(names = "--lang", description = "nl (default) or en; give it before the subcommand")
    String lang;

    Locale locale() {
        return AppLocale.resolve(lang);
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Cli());
        // Every usage error says "zie: ruimteschets import --help": each subcommand must then answer --help.
        java.util.Set<CommandLine.Model.CommandSpec> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (seen.add(sub.getCommandSpec())) sub.getCommandSpec().mixinStandardHelpOptions(true);
        }
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Locale locale = ((Cli) cmd.getCommandSpec().root().userObject()).locale();
            cmd.getErr().println(oneLine(failure(ex).format(locale)));
            return EXIT_BAD_INPUT;
        });
        // A usage error is one line naming the problem and where help is, not the whole usage text.
        cl.setParameterExceptionHandler((ex, parsedArgs) -> {
            Locale locale = ((Cli) cl.getCommand()).locale();
            ex.getCommandLine().getErr().println(oneLine(new UserMessage("cli.usage", ex.getMessage(),
                    ex.getCommandLine().getCommandSpec().qualifiedName()).format(locale)));
            return ex.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
        });
        return cl.execute(args);
    }

    /** A message from a library may span lines; the user gets one. */
    static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * What a failed command tells the user, in one line: the file's fault in its own words, else what
     * went wrong without a stack trace (the exception's type and message, never its trace).
     */
    static UserMessage failure(Throwable ex) {
        if (ex instanceof InputException ie) return ie.userMessage();
        if (ex instanceof nl.ruimteschets.geo.TileCache.Unavailable u) return u.userMessage();
        if (ex instanceof CancelledException) return new UserMessage("cli.cancelled");
        if (ex instanceof nl.ruimteschets.io.ProjectWriteException pw) return pw.userMessage();
        if (ex instanceof java.io.IOException io) return new UserMessage("cli.io", String.valueOf(io.getMessage()));
        if (ex instanceof OutOfMemoryError) return new UserMessage("cli.memory");
        String what = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return new UserMessage("cli.unexpected", what);
    }

    /** Every scenario's indicators, computed on this thread, in the order given. */
    static List<ScenarioResult> compute(Project p, AnalysisContext context, List<Scenario> scenarios) {
        ScenarioEngine engine = new ScenarioEngine(context, Runnable::run, r -> { });
        List<ScenarioResult> results = new ArrayList<>();
        long version = 0;
        for (Scenario s : scenarios) {
            results.add(engine.compute(new ScenarioEngine.Snapshot(s.candidates(), p.profiles(),
                    List.copyOf(p.clusters().values())), ++version));
        }
        return results;
    }

    static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Command(name = "import", description = "Import a Shapefile (.shp/.zip), GeoPackage or GeoJSON as a layer into PROJECT (created if missing).")
    static final class Import implements Callable<Integer> {
        @CommandLine.ParentCommand Cli root;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Parameters(index = "1", paramLabel = "FILE") Path file;
        @Option(names = "--role", required = true, description = "CLUSTER, NOISE_ZONE, SAFETY_CONTOUR, NATURA2000, SENSITIVE, RESIDENTIAL, AVAILABLE_PLOT or BASEMAP")
        String role;
        @Option(names = "--layer", description = "layer name in the project (default: file name)")
        String layer;
        @Option(names = "--table", description = "feature table of a GeoPackage source (needed only when it has several)")
        String table;
        @Option(names = "--crs", description = "CRS of the file when it states none or states it wrongly, e.g. EPSG:4326")
        String crs;
        @Option(names = "--encoding", description = "DBF text encoding, e.g. windows-1252, cp850, UTF-8 (default: detect)")
        String encoding;

        @Override
        public Integer call() throws Exception {
            LayerRole r;
            try {
                r = LayerRole.parse(role);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), "unknown role: " + role);
            }
            Integer epsg = null;
            if (crs != null) {
                String digits = crs.replaceAll("(?i)^epsg:", "");
                if (!digits.matches("\\d+")) throw new CommandLine.ParameterException(new CommandLine(this), "--crs takes EPSG:n");
                epsg = Integer.parseInt(digits);
            }
            long start = System.nanoTime();
            ImportReport rep;
            try (ConsoleProgress progress = new ConsoleProgress(root.locale())) {
                rep = ProjectArg.importLayer(project, file, layer, table, r, epsg, encoding, progress);
            }
            double s = (System.nanoTime() - start) / 1e9;
            Locale loc = root.locale();
            System.out.println(new UserMessage("cli.import.done", rep.imported(), file.getFileName(), ProjectArg.name(project),
                    rep.sourceCrs(), rep.repaired(), rep.skipped(), String.format(Locale.ROOT, "%.1f", s)).format(loc));
            for (UserMessage w : rep.warnings()) System.out.println("  ! " + w.format(loc));
            if (!rep.repairedIds().isEmpty()) {
                System.out.println(new UserMessage("cli.import.repairedIds", rep.repairedIds().toString()).format(loc));
            }
            return 0;
        }
    }

    @Command(name = "layers", description = "List the layers of PROJECT.")
    static final class Layers implements Callable<Integer> {
        @CommandLine.ParentCommand Cli root;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Option(names = "--json") boolean asJson;
        @Option(names = "--in-database", paramLabel = "LAYER",
                description = "keep LAYER of a PostGIS project in the database (fetched by area, never read whole)")
        List<String> inDatabase = new ArrayList<>();
        @Option(names = "--in-memory", paramLabel = "LAYER", description = "read LAYER of a PostGIS project into memory, whatever its size")
        List<String> inMemory = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            if (!inDatabase.isEmpty() || !inMemory.isEmpty()) {
                if (!nl.ruimteschets.io.ProjectStorage.isDatabase(project)) {
                    throw new InputException(new UserMessage("cli.layers.notdatabase", project));
                }
                var location = nl.ruimteschets.io.postgis.PgLocation.parse(project);
                for (String l : inDatabase) nl.ruimteschets.io.postgis.BigLayers.mark(location, ProjectArg.TERMINAL, l, true);
                for (String l : inMemory) nl.ruimteschets.io.postgis.BigLayers.mark(location, ProjectArg.TERMINAL, l, false);
            }
            Project p = ProjectArg.load(project);
            // what opening cleaned up (a killed save's temp copy, a layer without its role) goes to stderr
            for (UserMessage note : p.openNotes()) System.err.println(note.format(root.locale()));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Layer l : p.layers()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", l.name());
                m.put("role", l.role().name());
                m.put("geometry_type", l.geometryType());
                m.put("features", l.featureCount()); // about, for a layer that stays in the database
                m.put("in_database", l.inDatabase());
                m.put("repaired", l.report().repaired());
                m.put("skipped", l.report().skipped());
                m.put("source", l.source());
                rows.add(m);
            }
            if (asJson) {
                System.out.println(json().writeValueAsString(Map.of("layers", rows)));
            } else {
                System.out.printf("%-28s %-15s %-16s %10s %9s %8s%n", "name", "role", "geometry", "features", "repaired", "skipped");
                for (Map<String, Object> m : rows) {
                    System.out.printf("%-28s %-15s %-16s %10d %9d %8d%s%n", m.get("name"), m.get("role"), m.get("geometry_type"),
                            m.get("features"), m.get("repaired"), m.get("skipped"),
                            Boolean.TRUE.equals(m.get("in_database")) ? "  (database)" : "");
                }
            }
            return 0;
        }
    }

    @Command(name = "analyse", aliases = "analyze", description = "Per candidate: area and overlap with each role layer; per cluster: the hectare balance.")
    static final class Analyse implements Callable<Integer> {
        @CommandLine.ParentCommand Cli root;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Option(names = "--scenario", description = "scenario name (default: every scenario)") String scenario;
        @Option(names = "--json") boolean asJson;

        @Override
        public Integer call() throws Exception {
            Project p = ProjectArg.load(project);
            List<Scenario> scenarios = new ArrayList<>();
            if (scenario != null) {
                scenarios.add(p.scenario(scenario).orElseThrow(() -> new InputException(
                        new UserMessage("cli.scenario.missing", scenario, ProjectArg.name(project)))));
            } else {
                scenarios.addAll(p.scenarios());
            }
            AnalysisContext context = new AnalysisContext(p.layers());
            List<ScenarioResult> results = compute(p, context, scenarios);
            if (asJson) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (int i = 0; i < scenarios.size(); i++) {
                    out.add(ResultJson.scenario(scenarios.get(i).name(), results.get(i), context.settings()));
                }
                System.out.println(json().writeValueAsString(Map.of("scenarios", out)));
            } else {
                for (int i = 0; i < scenarios.size(); i++) {
                    System.out.print(AnalyseTable.text(scenarios.get(i).name(), results.get(i), root.locale()));
                }
            }
            return 0;
        }
    }

    @Command(name = "export", description = "Export a layer, a scenario's candidates or its workshop notes as Shapefile, GeoPackage or GeoJSON.")
    static final class Export implements Callable<Integer> {
        @CommandLine.ParentCommand Cli root;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @ArgGroup(exclusive = true, multiplicity = "1") What what;
        @ArgGroup(exclusive = true, multiplicity = "1") Where where;
        @Option(names = "--rd", description = "GeoJSON in RD New instead of WGS84 (RFC 7946)") boolean rd;

        static final class What {
            @Option(names = "--layer", required = true) String layer;
            @Option(names = "--scenario", required = true) String scenario;
            @Option(names = "--annotations", required = true, paramLabel = "SCENARIO",
                    description = "the scenario's workshop notes as a point layer") String annotations;
        }

        static final class Where {
            @Option(names = "--shp", required = true, paramLabel = "DIR") Path shp;
            @Option(names = "--gpkg", required = true, paramLabel = "FILE") Path gpkg;
            @Option(names = "--geojson", required = true, paramLabel = "FILE") Path geojson;
        }

        @Override
        public Integer call() throws Exception {
            // The project stays open while writing: a layer kept in its database is streamed from there in batches.
            try (nl.ruimteschets.io.ProjectStorage storage = ProjectArg.open(project)) {
                Project p = storage.load();
                String scenarioName = what.scenario != null ? what.scenario : what.annotations;
                Exports.Table table = what.layer != null
                        ? Exports.layer(p.layer(what.layer).orElseThrow(() -> new InputException(
                                new UserMessage("cli.layer.missing", what.layer, ProjectArg.name(project)))),
                                p.displays().get(what.layer))
                        : exportOf(p, p.scenario(scenarioName).orElseThrow(() -> new InputException(
                                new UserMessage("cli.scenario.missing", scenarioName, ProjectArg.name(project)))));
                long[] rows = {0}; // the rows the last pass wrote, for the message (a stored layer's count may be dated)
                nl.ruimteschets.io.FeatureRows source = table.rows();
                table = new Exports.Table(table.name(), table.fields(), new nl.ruimteschets.io.FeatureRows() {
                    @Override
                    public long forEach(nl.ruimteschets.io.FeatureSink sink, nl.ruimteschets.io.ProgressListener cancel)
                            throws java.io.IOException {
                        return rows[0] = source.forEach(sink, cancel);
                    }

                    @Override public long estimatedCount() { return source.estimatedCount(); }

                    @Override public nl.ruimteschets.model.GeometryKind declaredKind() { return source.declaredKind(); }
                }, table.look());
                List<Path> written;
                try (ConsoleProgress progress = new ConsoleProgress(root.locale())) {
                    if (where.shp != null) {
                        Files.createDirectories(where.shp);
                        written = Exports.shapefile(table, where.shp, progress);
                    } else if (where.gpkg != null) {
                        written = Exports.geoPackage(table, where.gpkg, progress);
                    } else {
                        written = Exports.geoJson(table, where.geojson, !rd, progress);
                    }
                }
                System.out.println(new UserMessage("cli.export.done", rows[0], table.name(),
                        written.toString()).format(root.locale()));
                return 0;
            }
        }

        private Exports.Table exportOf(Project p, Scenario s) {
            if (what.annotations != null) return Exports.annotations(s);
            // The candidates carry their indicator results, so QGIS shows what the planner saw.
            return Exports.candidates(s, p, compute(p, new AnalysisContext(p.layers()), List.of(s)).get(0));
        }
    }

    @Command(name = "report", description = "Write the workshop report of a scenario (or a comparison) as PDF, and optionally CSV and a map PNG.")
    static final class Report implements Callable<Integer> {
        @CommandLine.ParentCommand Cli root;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Option(names = "--scenario", required = true, description = "the scenario (the reference of a comparison)") String scenario;
        @Option(names = "--compare", arity = "1..3", description = "up to three more scenarios to compare with") List<String> compare;
        @Option(names = "--pdf", description = "PDF file to write") Path pdf;
        @Option(names = "--csv", description = "CSV file with every indicator") Path csv;
        @Option(names = "--png", description = "PNG of the scenario's map") Path png;
        @Option(names = "--png-width", defaultValue = "1920", description = "PNG width in pixels (height 9/16 of it)") int pngWidth;

        @Override
        public Integer call() throws Exception {
            if (pdf == null && csv == null && png == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "give at least one of --pdf, --csv, --png");
            }
            Project p = ProjectArg.load(project);
            List<Scenario> scenarios = new ArrayList<>();
            List<String> names = new ArrayList<>(List.of(scenario));
            if (compare != null) names.addAll(compare);
            for (String n : names) {
                scenarios.add(p.scenario(n).orElseThrow(() -> new InputException(
                        new UserMessage("cli.scenario.missing", n, ProjectArg.name(project)))));
            }
            Locale loc = root.locale();
            nl.ruimteschets.report.Report r = nl.ruimteschets.report.Report.of(p, ProjectArg.name(project), scenarios, loc);
            if (pdf != null) nl.ruimteschets.report.PdfReport.write(r, pdf);
            if (csv != null) r.writeCsv(csv);
            if (png != null) {
                javax.imageio.ImageIO.write(nl.ruimteschets.report.MapImage.render(p, scenarios.get(0), pngWidth,
                        Math.max(1, pngWidth * 9 / 16), loc), "png", png.toFile());
            }
            for (Path f : new Path[] {pdf, csv, png}) {
                if (f != null) System.out.println(new UserMessage("cli.report.done", f).format(loc));
            }
            return 0;
        }
    }

    @Command(name = "sample", description = "Write the bundled sample project (schematic maps of the five clusters) to FILE.")
    static final class Sample implements Callable<Integer> {
        @CommandLine.ParentCommand Cli root;
        @Parameters(index = "0", paramLabel = "FILE") Path file;

        @Override
        public Integer call() throws Exception {
            Project p = SampleProject.build();
            ProjectStore.save(p, file);
            System.out.println(new UserMessage("cli.sample.done", file, p.layers().size(), p.scenarios().size()).format(root.locale()));
            return 0;
        }
    }

    /**
     * Prints progress on stderr on one line, so stdout stays clean for --json. While open, Ctrl-C (or a kill)
     * cancels the work instead of cutting it off: the shutdown waits up to {@value #UNWIND_S} s for it to stop at
     * its next check and clean up (a temp copy deleted, a database transaction rolled back). Close it when done.
     */
    static final class ConsoleProgress implements nl.ruimteschets.io.ProgressListener, AutoCloseable {
        private static final int UNWIND_S = 10;
        private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        private final Thread onInterrupt = new Thread(this::cancelAndWait, "ruimteschets-cancel");
        private volatile boolean cancelled;
        private long lastPrint;
        /** A progress line was printed and not yet ended: whatever is printed next must start on a line of its own. */
        private boolean lineOpen;

        /** The planner's language (--lang), for the digit grouping: "1.000" in Dutch, "1,000" in English. */
        private final Locale locale;

        ConsoleProgress(Locale locale) {
            this.locale = locale;
            Runtime.getRuntime().addShutdownHook(onInterrupt);
        }

        private void cancelAndWait() {
            cancelled = true;
            try {
                finished.await(UNWIND_S, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public boolean isCancelled() { return cancelled; }

        /**
         * Ends the progress line (the result or an error message, printed after the try-with-resources closes this,
         * then starts on a line of its own) and stops listening for Ctrl+C.
         */
        @Override
        public void close() {
            endLine();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running and now returns
            }
        }

        @Override
        public void progress(long done, long total) {
            long now = System.currentTimeMillis();
            if (now - lastPrint < 500) return;
            lastPrint = now;
            if (total > 0) System.err.printf(locale, "\r%,d / %,d (%d%%)", done, total, done * 100 / total);
            else System.err.printf(locale, "\r%,d", done);
            lineOpen = true;
            if (done == total) endLine();
        }

        private void endLine() {
            if (!lineOpen) return;
            System.err.println();
            lineOpen = false;
        }
    }
}
