package org.polygrok.experiments.spark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.launcher.JavaModuleOptions;
import org.polygrok.experiments.process.JavaCommand;

/**
 * Child JVMs for the Spark tests, on the test class path with the module options Spark needs on Java 17 (as
 * bin/polygrok and spark-submit give them): a polygrok driver, a standalone Master, Workers.
 */
final class SparkJvms {
    private SparkJvms() {
    }

    /** {@code java <Spark's module options> <options> -cp <test class path> <main> <args>}. */
    static List<String> command(List<String> options, String main, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        cmd.add("-Dai.djl.offline=true");
        cmd.addAll(options);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main);
        cmd.addAll(args);
        return cmd;
    }

    /** Starts {@code cmd} with the engine and Spark environment, its output going to {@code log}. */
    static Process start(List<String> cmd, Path sparkHome, File log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log);
        Map<String, String> env = pb.environment();
        JavaCommand.engineEnvironment(env, 1);
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }
}
