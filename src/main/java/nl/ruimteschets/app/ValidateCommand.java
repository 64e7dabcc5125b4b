package nl.ruimteschets.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.ruimteschets.analysis.Validation;
import nl.ruimteschets.analysis.ValidationCase;
import nl.ruimteschets.model.UserMessage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ruimteschets validate CASE.json [CASE.json …] [--json]}: runs validation cases (an independent
 * NoiseModelling or OPS-LT run of a real candidate shape, format of the shared reference set) through the
 * project's own models and prints per case how close they come. {@code --shipped} runs the cases that come
 * with the program. Exit 0 when it ran, whatever the figures; 3 on a bad case file (message in the user's
 * language). Stateless; one run per call.
 */
@Command(name = "validate", description = "Compare the project's noise and nitrogen models with reference-model runs (validation cases).")
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.ParentCommand Cli root;
    @Parameters(paramLabel = "CASE.json", arity = "0..*", description = "validation case files (JSON beside its CSV)")
    List<Path> cases = new ArrayList<>();
    @Option(names = "--json", description = "print {\"cases\": [...]} as JSON") boolean asJson;
    @Option(names = "--shipped", description = "also run the cases shipped with the program (OPS-LT: Maasvlakte, Moerdijk; NoiseModelling: compact 200 ha, L-shape 100 ha)")
    boolean shipped;

    @Override
    public Integer call() throws Exception {
        if (cases.isEmpty() && !shipped) {
            throw new CommandLine.ParameterException(new CommandLine(this), "give CASE.json files or --shipped");
        }
        List<ValidationCase> all = new ArrayList<>();
        for (Path p : cases) all.add(ValidationCase.read(p)); // all read first: a bad file fails before any output
        if (shipped) all.addAll(ValidationCase.shipped());
        List<Map<String, Object>> out = new ArrayList<>();
        Locale loc = root.locale();
        for (ValidationCase c : all) {
            Validation.Result r = Validation.run(c);
            if (asJson) out.add(r.toJson());
            else System.out.println(text(c, r, loc));
        }
        if (asJson) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cases", out);
            System.out.println(Cli.json().writeValueAsString(m));
        }
        return 0;
    }

    static String text(ValidationCase c, Validation.Result r, Locale loc) {
        String ref = c.json().path("reference").asText("");
        if (c.noise()) {
            return new UserMessage("validate.noise", c.name(), ref, r.receivers(), 100 * r.withinTolerance(), r.meanDiffDb(),
                    r.medianDiffDb(), r.rmsDb(), r.maxAbsDb(), r.maxValue(), Math.round(r.maxX()), Math.round(r.maxY()),
                    r.referenceAtMax(), r.lden50OffsetM(), r.lnight40OffsetM()).format(loc);
        }
        return new UserMessage("validate.nitrogen", c.name(), ref, r.receivers(), 100 * r.withinTolerance(), r.medianRatio(),
                r.p5Ratio(), r.p95Ratio(), r.maxValue(), Math.round(r.maxX()), Math.round(r.maxY()), r.referenceAtMax(),
                r.referenceMax(), r.maxRatio(), r.maxDistanceM(), r.total(), r.referenceTotal(), r.totalRatio()).format(loc);
    }
}
