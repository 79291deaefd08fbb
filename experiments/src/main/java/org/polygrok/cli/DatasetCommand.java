package org.polygrok.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polygrok.experiments.data.ArithmeticDataset;
import org.polygrok.experiments.data.SampleSet;
import org.polygrok.plotting.results.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polygrok dataset}: writes the split equations as text, one per line. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Write the train and validation equations to DIR/train.txt and DIR/val.txt, one per line "
                + "in split order, e.g. 'BOS 11 + 3 = 14 EOS'.")
final class DatasetCommand implements Callable<Integer> {
    @Mixin
    BackendOption backend;

    @Mixin
    DatasetOptions data;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write into.")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        backend.validateIfGiven();
        ArithmeticDataset dataset = ArithmeticDataset.build(data.spec());
        AtomicFiles.requireWritableDirectory(out, "the output folder");
        SampleSet train = dataset.train();
        SampleSet val = dataset.validation();
        AtomicFiles.write(out.resolve("train.txt"), lines(train));
        AtomicFiles.write(out.resolve("val.txt"), lines(val));
        spec.commandLine().getOut().printf("wrote %d train and %d validation equations to %s%n",
                train.size(), val.size(), out);
        return 0;
    }

    private static byte[] lines(SampleSet set) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < set.size(); i++) {
            sb.append(set.text(i)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
