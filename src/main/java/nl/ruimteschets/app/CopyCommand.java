package nl.ruimteschets.app;

import java.util.Locale;
import java.util.concurrent.Callable;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.UserMessage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code copy SRC DST}: a whole project between a GeoPackage and PostGIS (either way, or file to file). A layer
 * that stays in the database is streamed in batches, never whole in memory, and keeps its mark in the target.
 */
@Command(name = "copy", description = "Copy a whole project: GeoPackage to PostGIS (postgresql://host:port/db?schema=NAME), back, or between two of either.")
final class CopyCommand implements Callable<Integer> {
    @CommandLine.ParentCommand Cli root;
    @Parameters(index = "0", paramLabel = "SRC") String source;
    @Parameters(index = "1", paramLabel = "DST") String target;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Project p;
        // The source stays open while its database layers stream across, batch by batch, with progress on stderr.
        try (ProjectStorage src = ProjectArg.open(source)) {
            p = src.load();
            try (ProjectStorage dst = ProjectArg.open(target); Cli.ConsoleProgress progress = new Cli.ConsoleProgress(root.locale())) {
                dst.save(p, progress);
            }
        }
        long features = p.layers().stream().mapToLong(Layer::featureCount).sum();
        long candidates = p.scenarios().stream().mapToLong(s -> s.candidates().size()).sum();
        Locale loc = root.locale();
        System.out.println(new UserMessage("cli.copy.done", ProjectArg.name(source), ProjectArg.name(target),
                p.layers().size(), features, p.scenarios().size(), candidates,
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9)).format(loc));
        return 0;
    }
}
