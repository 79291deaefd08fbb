package org.polygrok.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.polygrok.experiments.spark.SparkExecutors;

/**
 * The main class for {@code spark-submit}: the arguments of {@code polygrok run …}, {@code sweep …} or
 * {@code resume …}, run with {@code --executor spark} on the master and settings {@code spark-submit} was given,
 * e.g.
 * <pre>
 * spark-submit --master spark://head:7077 --conf spark.task.cpus=2 \
 *   --class org.polygrok.cli.SparkSubmitMain /opt/polygrok/lib/polygrok-experiments-VERSION.jar \
 *   run sanity --scale quick --out /shared/results
 * </pre>
 * Trials run with the jars of the polygrok tarball this jar lies in ({@code <home>/lib/}), which must be at the
 * same path on every node.
 */
public final class SparkSubmitMain {
    private SparkSubmitMain() {
    }

    public static void main(String[] args) {
        SparkExecutors.locateHome();
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (all.stream().noneMatch(a -> a.equals("--executor") || a.startsWith("--executor="))) {
            all.add("--executor=spark");
        }
        System.exit(Polygrok.execute(all.toArray(String[]::new), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true)));
    }
}
