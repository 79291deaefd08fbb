package org.polygrok.experiments.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.polygrok.cli.Polygrok;

/**
 * The main class for {@code spark-submit}: the arguments of {@code polygrok run …} or {@code polygrok resume …},
 * run with {@code --executor spark} on the master and settings {@code spark-submit} was given, e.g.
 * <pre>
 * spark-submit --master spark://head:7077 --conf spark.task.cpus=2 \
 *   --class org.polygrok.experiments.spark.SparkSweepMain /opt/polygrok/lib/polygrok-experiments-VERSION.jar \
 *   run sanity --scale quick --out /shared/results
 * </pre>
 * Trials run with the jars of the polygrok tarball this jar lies in ({@code <home>/lib/}), which must be at the
 * same path on every node.
 */
public final class SparkSweepMain {
    private SparkSweepMain() {
    }

    public static void main(String[] args) {
        locateHome();
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (all.stream().noneMatch(a -> a.equals("--executor") || a.startsWith("--executor="))) {
            all.add("--executor=spark");
        }
        System.exit(Polygrok.execute(all.toArray(String[]::new), new java.io.PrintWriter(System.out, true),
                new java.io.PrintWriter(System.err, true)));
    }

    /** polygrok.home, when unset: the folder above the lib/ folder this class's jar lies in. */
    private static void locateHome() {
        if (System.getProperty(SparkConfs.HOME_PROPERTY) != null) {
            return;
        }
        try {
            Path jar = Path.of(SparkSweepMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = jar.getParent();
            if (lib != null && lib.getFileName().toString().equals("lib") && Files.isRegularFile(jar)) {
                System.setProperty(SparkConfs.HOME_PROPERTY, lib.getParent().toString());
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // trials then use the executors' own class path
        }
    }
}
