package org.polygrok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.Backends;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CliErrorsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"backends", "dataset", "train"})
    void unknownBackendExits2WithTheAvailableNames(String command) {
        CliResult r = command.equals("backends") ? CliResult.run(command, "--backend", "nope")
                : CliResult.run(command, "--backend", "nope", "--out", tmp.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: unknown backend 'nope'; available: ").contains("djl");
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"backends", "dataset", "train", "help"})
    void everyCommandHasHelp(String command) {
        CliResult r = CliResult.run(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: polygrok " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"backends", "dataset", "train", "run", "resume", "crosscheck", "plot", "report", "bench"})
    void everyCommandTakesBackend(String command) {
        assertThat(CliResult.run(command, "--help").out()).contains("--backend=NAME");
    }

    @Test
    void noCommandIsBadInput() {
        CliResult r = CliResult.run();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("a command is missing; use one of backends, dataset, train");
        assertThat(CliResult.run("--help").out()).contains("backends", "dataset", "train");
    }

    @Test
    void backendsListsEveryProvider() {
        CliResult r = CliResult.run("backends");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        List<String> names = Backends.providers().stream().map(BackendProvider::name).toList();
        assertThat(lines).hasSameSizeAs(names);
        for (int i = 0; i < names.size(); i++) {
            assertThat(lines.get(i)).startsWith(names.get(i) + " ").contains("natives: ");
        }
        assertThat(lines).anyMatch(l -> l.startsWith("djl ") && l.contains(" available "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--p=1                     | p must be at least 2, got 1",
        "--p=12 --operator=/       | p must be prime for the operator '/', got 12",
        "--operator=%              | unknown operator '%'; use one of + - * /",
        "--orders=4                | orders must be 2, 3 or 2,3, got [4]",
        "--r-train=1.5             | r_train must be in (0, 1], got 1.5",
        "--r-train=0               | r_train must be in (0, 1], got 0.0",
        "--split=halves            | unknown split 'halves'; use plain or per-order",
        "--p=abc                   | Invalid value for option '--p': 'abc' is not an int"})
    void badDatasetSettingsExit2AndWriteNothing(String options, String message) {
        for (String command : new String[] {"dataset", "train"}) {
            Path out = tmp.resolve(command);
            String[] args = (command + " --backend=djl --out=" + out + " " + options).split(" +");
            CliResult r = CliResult.run(args);
            assertThat(r.code()).as(command + " " + options).isEqualTo(2);
            assertThat(r.err()).startsWith("error: " + message);
            assertThat(r.err().lines().count()).isEqualTo(1);
            assertThat(out).doesNotExist();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--model=rnn              | unknown model 'rnn'; use lstm or gpt",
        "--optimizer=rmsprop      | unknown optimizer 'rmsprop'; use adamw, adam, sgd or momentum",
        "--dropout=0.1            | dropout must be 0",
        "--lr=-1                  | invalid optimizer settings",
        "--train-batch-size=0     | the train batch size must be at least 1, got 0",
        "--eval-batch-size=0      | the eval batch size must be at least 1, got 0",
        "--steps=0                | steps must be at least 1, got 0",
        "--eval-period=0          | eval_period must be at least 1, got 0",
        "--model=gpt --heads=3    | the number of heads must divide the width",
        "--threads=-1             | --threads must be 0 (all cores) or more, got -1",
        "--unknown                | Unknown option: '--unknown'"})
    void badTrainSettingsExit2AndWriteNothing(String options, String message) {
        Path out = tmp.resolve("trial");
        String[] args = ("train --backend=djl --out=" + out + " " + options).split(" +");
        CliResult r = CliResult.run(args);
        assertThat(r.code()).as(options).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + message);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void corruptInitWeightsIsAClearError() throws Exception {
        Path bad = tmp.resolve("bad.safetensors");
        Files.writeString(bad, "not a safetensors file at all", StandardCharsets.UTF_8);
        Path out = tmp.resolve("trial");
        CliResult r = CliResult.run("train", "--backend=djl", "--out=" + out, "--init-weights=" + bad);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --init-weights " + bad + " is not a valid F32 safetensors file");
        assertThat(out).doesNotExist();
        CliResult missing = CliResult.run("train", "--backend=djl", "--out=" + out, "--init-weights=" + tmp.resolve("no"));
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
    }

    @Test
    void unusableOutputFoldersAreRejected() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        CliResult underFile = CliResult.run("dataset", "--out=" + file.resolve("sub"));
        assertThat(underFile.code()).isEqualTo(2);
        assertThat(underFile.err()).startsWith("error: the output folder " + file.resolve("sub") + " cannot be created");
        Path busy = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "mine");
        CliResult notEmpty = CliResult.run("train", "--backend=djl", "--out=" + busy);
        assertThat(notEmpty.code()).isEqualTo(2);
        assertThat(notEmpty.err()).contains("is not empty and holds no polygrok trial");
        assertThat(busy).isDirectoryContaining(p -> p.getFileName().toString().equals("notes.txt"));
        assertThat(Files.list(busy).count()).isEqualTo(1);
    }

    @Test
    void datasetWritesOneEquationPerLineWithoutPad() throws Exception {
        Path out = tmp.resolve("data");
        CliResult r = CliResult.run("dataset", "--p=11", "--orders=2,3", "--r-train=0.5", "--seed=42",
                "--split=per-order", "--out=" + out);
        assertThat(r.code()).as(r.err()).isZero();
        List<String> train = Files.readAllLines(out.resolve("train.txt"));
        List<String> val = Files.readAllLines(out.resolve("val.txt"));
        assertThat(train).hasSize(726).startsWith("BOS 2 + 3 = 5 EOS", "BOS 5 + 0 = 5 EOS");
        assertThat(val).hasSize(726).startsWith("BOS 6 + 2 = 8 EOS");
        assertThat(train).noneMatch(l -> l.contains("PAD") || l.contains("  "));
        assertThat(r.out()).contains("wrote 726 train and 726 validation equations");

        CliResult plain = CliResult.run("dataset", "--out=" + tmp.resolve("plain"));
        assertThat(plain.code()).isZero();
        List<String> first = Files.readAllLines(tmp.resolve("plain/train.txt"));
        assertThat(first).hasSize(480).startsWith("BOS 11 + 3 = 14 EOS");
        assertThat(Files.readAllLines(tmp.resolve("plain/val.txt"))).hasSize(481);
    }
}
