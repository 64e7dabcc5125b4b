package nl.ruimteschets.corpus;

import java.nio.file.Path;
import nl.ruimteschets.app.Cli;
import nl.ruimteschets.io.LayerLoader;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;

/**
 * The process {@link KillTest} kills: {@code import PROJECT SHP} runs the CLI import of SHP as layer
 * "groot"; {@code save PROJECT SHP} opens PROJECT, adds SHP as layer "groot" in memory and saves.
 * Prints "done" when finished, so the test knows a run that was not killed in time completed.
 */
public final class KillChild {
    private KillChild() { }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[1]);
        Path shp = Path.of(args[2]);
        if (args[0].equals("import")) {
            int code = Cli.run("import", project.toString(), shp.toString(), "--role", "SENSITIVE", "--layer", "groot");
            System.out.println(code == 0 ? "done" : "failed " + code);
        } else {
            Project p = ProjectStore.open(project);
            p.putLayer(LayerLoader.load(shp, null, "groot", LayerRole.SENSITIVE, null, null, null, ProgressListener.NONE));
            ProjectStore.save(p, project);
            System.out.println("done");
        }
    }
}
