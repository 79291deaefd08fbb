package org.polygrok.experiments.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polygrok.api.random.Mt19937;
import org.polygrok.api.train.Batch;

class ArithmeticDatasetTest {

    private static ArithmeticDataset dataset(int p, String op, List<Integer> orders, double r, long seed) {
        return ArithmeticDataset.build(new DatasetSpec(p, Operator.fromSymbol(op), orders, r, seed));
    }

    private static List<String> texts(SampleSet set) {
        return IntStream.range(0, set.size()).mapToObj(set::text).toList();
    }

    @Test
    void shuffleMatchesNumpyTestVectors() {
        assertThat(first5(42, 961)).containsExactly(344, 381, 351, 777, 277);
        assertThat(first5(0, 961)).containsExactly(55, 852, 14, 553, 141);
        assertThat(first5(42, 1452)).containsExactly(1036, 1124, 997, 1316, 529);
    }

    private static int[] first5(long seed, int n) {
        return java.util.Arrays.copyOf(new Mt19937(seed).permutation(n), 5);
    }

    @Test
    void firstRowsOfTheDefaultDatasetAreTheProtocols() {
        assertThat(dataset(31, "+", List.of(2), 0.5, 42).train().text(0)).isEqualTo("BOS 11 + 3 = 14 EOS");
        assertThat(dataset(31, "+", List.of(2), 0.5, 0).train().text(0)).isEqualTo("BOS 1 + 24 = 25 EOS");
    }

    @Test
    void vocabularyIsDigitsThenOperatorEqualsBosEosPad() {
        Vocabulary v = new Vocabulary(31, Operator.ADD);
        assertThat(v.size()).isEqualTo(36);
        assertThat(List.of(v.id("0"), v.id("30"), v.id("+"), v.equalsId(), v.bosId(), v.eosId(), v.padId()))
                .containsExactly(0, 30, 31, 32, 33, 34, 35);
        assertThat(new Vocabulary(11, Operator.SUBTRACT).size()).isEqualTo(16);
        assertThat(v.encode("BOS 11 + 3 = 14 EOS")).containsExactly(33, 11, 31, 3, 32, 14, 34);
    }

    /** Expected rows from the reference's get_arithmetic_dataset logic run with numpy. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "7 | - | 2   | 3  | 49   | 1 - 5 = 3       | 5 - 4 = 1       | 6 - 0 = 6",
        "7 | * | 3   | 5  | 343  | 2 * 0 * 1 = 0   | 3 * 3 * 2 = 4   | 4 * 1 * 3 = 5",
        "7 | / | 2   | 42 | 42   | 1 / 2 = 4       | 4 / 2 = 2       | 4 / 3 = 6",
        "5 | / | 2,3 | 0  | 100  | 0 / 2 / 3 = 0   | 2 / 1 / 3 = 4   | 3 / 3 / 1 = 1",
        "11 | - | 2,3 | 7 | 1452 | 0 - 5 - 10 = 7  | 6 - 8 - 1 = 8   | 0 - 4 - 10 = 8"})
    void equationsMatchTheReference(int p, String op, String orders, long seed, int n, String first, String second,
            String last) {
        List<Integer> o = java.util.Arrays.stream(orders.split(",")).map(Integer::parseInt).toList();
        SampleSet all = dataset(p, op, o, 1.0, seed).all();
        assertThat(all.size()).isEqualTo(n);
        assertThat(all.text(0)).isEqualTo("BOS " + first + " EOS");
        assertThat(all.text(1)).isEqualTo("BOS " + second + " EOS");
        assertThat(all.text(n - 1)).isEqualTo("BOS " + last + " EOS");
    }

    @ParameterizedTest
    @CsvSource({
        "+, 2, 961, 6", "-, 2, 961, 6", "*, 2, 961, 6", "/, 2, 930, 6",
        "+, 3, 29791, 8", "-, 3, 29791, 8", "*, 3, 29791, 8", "/, 3, 27900, 8"})
    void sizesForEveryOperatorAndOrderAtP31(String op, int order, int n, int s) {
        ArithmeticDataset d = dataset(31, op, List.of(order), 0.5, 42);
        assertThat(d.size()).isEqualTo(n);
        assertThat(d.sequenceLength()).isEqualTo(s);
        assertThat(d.all().eqPosition(0)).isEqualTo(order == 2 ? 3 : 5);
        assertThat(d.train().size() + d.validation().size()).isEqualTo(n);
    }

    @ParameterizedTest
    @CsvSource({"+, 1452", "-, 1452", "*, 1452", "/, 1210"})
    void mixedOrdersAtP11(String op, int n) {
        ArithmeticDataset d = dataset(11, op, List.of(2, 3), 0.5, 42);
        assertThat(d.size()).isEqualTo(n);
        assertThat(d.sequenceLength()).isEqualTo(8);
        SampleSet all = d.all();
        long binary = IntStream.range(0, n).filter(i -> all.order(i) == 2).count();
        assertThat(binary).isEqualTo(op.equals("/") ? 110 : 121);
    }

    @Test
    void mixedOrderRowsArePaddedAndOrderedBinaryFirstBeforeTheShuffle() {
        SampleSet all = dataset(11, "+", List.of(2, 3), 1.0, 42).all();
        // shuffled row 0 is equation 1036 of the generation order; 1036 >= 121, so a ternary equation
        assertThat(all.order(0)).isEqualTo(3);
        int binary = IntStream.range(0, all.size()).filter(i -> all.order(i) == 2).findFirst().orElseThrow();
        Vocabulary v = new Vocabulary(11, Operator.ADD);
        int[] in = all.inputs(binary);
        int[] tg = all.targets(binary);
        assertThat(in).hasSize(8);
        assertThat(in[0]).isEqualTo(v.bosId());
        assertThat(in[6]).isEqualTo(v.eosId());
        assertThat(in[7]).isEqualTo(v.padId());
        assertThat(tg[5]).isEqualTo(v.eosId());
        assertThat(tg[6]).isEqualTo(v.padId());
        assertThat(tg[all.eqPosition(binary)]).isEqualTo(v.equalsId());
        assertThat(all.mask(binary)).containsExactly(1, 1, 1, 1, 1, 1, 1, 0);
        assertThat(all.rhsWeights(binary, MaskRule.DEFAULT)).containsExactly(0, 0, 0, 0, 1, 1, 0, 0);
        assertThat(all.rhsWeights(binary, MaskRule.LEGACY)).containsExactly(0, 0, 0, 0, 1, 1, 1, 0);
        assertThat(all.rhsWeights(0, MaskRule.DEFAULT)).containsExactly(0, 0, 0, 0, 0, 0, 1, 1);
        assertThat(all.rhsWeights(0, MaskRule.LEGACY)).containsExactly(0, 0, 0, 0, 0, 0, 1, 1);
    }

    @Test
    void singleOrderSamplesHaveTwoRhsPositionsUnderBothRules() {
        SampleSet train = dataset(31, "+", List.of(2), 0.5, 42).train();
        assertThat(train.inputs(0)).containsExactly(33, 11, 31, 3, 32, 14);
        assertThat(train.targets(0)).containsExactly(11, 31, 3, 32, 14, 34);
        assertThat(train.mask(0)).containsExactly(1, 1, 1, 1, 1, 1);
        assertThat(train.rhsWeights(0, MaskRule.DEFAULT)).containsExactly(0, 0, 0, 0, 1, 1);
        assertThat(train.rhsWeights(0, MaskRule.LEGACY)).containsExactly(0, 0, 0, 0, 1, 1);
        Batch b = train.batch(0, 3, MaskRule.DEFAULT);
        assertThat(b.tokens().shape()).containsExactly(3, 6);
        assertThat(b.targets().ints()).startsWith(11, 31, 3, 32, 14, 34);
        assertThat(b.rhsWeights().floats()).startsWith(0, 0, 0, 0, 1, 1);
    }

    @ParameterizedTest
    @CsvSource({"0.1, 96", "0.2, 192", "0.3, 288", "0.4, 384", "0.5, 480", "0.6, 577", "0.7, 673", "0.8, 769",
        "0.9, 865"})
    void splitSizesRoundHalfToEven(double r, int nTrain) {
        ArithmeticDataset d = dataset(31, "+", List.of(2), r, 42);
        assertThat(d.train().size()).isEqualTo(nTrain);
        assertThat(d.validation().size()).isEqualTo(961 - nTrain);
        assertThat(d.train().rowIndex(nTrain - 1)).isEqualTo(nTrain - 1);
        assertThat(d.validation().rowIndex(0)).isEqualTo(nTrain);
    }

    @Test
    void fullTrainFractionKeepsTheLastRowAsTheOnlyValidationSample() {
        ArithmeticDataset d = dataset(31, "+", List.of(2), 1.0, 42);
        assertThat(d.train().size()).isEqualTo(961);
        assertThat(d.validation().size()).isEqualTo(1);
        assertThat(d.validation().rowIndex(0)).isEqualTo(960);
        assertThat(d.validation().text(0)).isEqualTo(d.train().text(960));
    }

    @Test
    void halfTrainFractionOfOddCountRoundsDown() {
        assertThat(ArithmeticDataset.trainCount(961, 0.5)).isEqualTo(480);
        assertThat(ArithmeticDataset.trainCount(121, 0.5)).isEqualTo(60);
        assertThat(ArithmeticDataset.trainCount(1331, 0.5)).isEqualTo(666);
    }

    @Test
    void perOrderSplitMatchesProtocolVectorsForSeed42() {
        ArithmeticDataset d = perOrder(42);
        SampleSet train = d.train();
        SampleSet val = d.validation();
        assertThat(train.size()).isEqualTo(726);
        assertThat(val.size()).isEqualTo(726);
        assertThat(List.of(train.rowIndex(0), train.rowIndex(1), train.rowIndex(2))).containsExactly(635, 641, 54);
        assertThat(List.of(train.text(0), train.text(1), train.text(2)))
                .containsExactly("BOS 2 + 3 = 5 EOS", "BOS 5 + 0 = 5 EOS", "BOS 6 + 1 = 7 EOS");
        assertThat(val.rowIndex(0)).isEqualTo(936);
        assertThat(val.text(0)).isEqualTo("BOS 6 + 2 = 8 EOS");
        assertThat(List.of(train.rowIndex(60), train.rowIndex(61), train.rowIndex(62))).containsExactly(1038, 1235, 1346);
        assertThat(train.text(60)).isEqualTo("BOS 7 + 4 + 3 = 3 EOS");
        assertThat(train.text(62)).isEqualTo("BOS 1 + 4 + 2 = 7 EOS");
        assertThat(val.rowIndex(61)).isEqualTo(537);
        assertThat(val.text(61)).isEqualTo("BOS 5 + 7 + 8 = 9 EOS");
        assertThat(IntStream.range(0, 60).allMatch(i -> train.order(i) == 2)).isTrue();
        assertThat(IntStream.range(60, 726).allMatch(i -> train.order(i) == 3)).isTrue();
        assertThat(IntStream.range(0, 61).allMatch(i -> val.order(i) == 2)).isTrue();
    }

    @Test
    void perOrderSplitMatchesProtocolVectorsForSeed0() {
        ArithmeticDataset d = perOrder(0);
        SampleSet train = d.train();
        SampleSet val = d.validation();
        assertThat(List.of(train.rowIndex(0), train.rowIndex(1), train.rowIndex(2))).containsExactly(568, 1118, 1169);
        assertThat(train.text(0)).isEqualTo("BOS 10 + 0 = 10 EOS");
        assertThat(val.rowIndex(0)).isEqualTo(617);
        assertThat(val.text(0)).isEqualTo("BOS 1 + 2 = 3 EOS");
        assertThat(List.of(train.rowIndex(60), train.rowIndex(61), train.rowIndex(62))).containsExactly(1414, 487, 501);
        assertThat(train.text(61)).isEqualTo("BOS 3 + 1 + 6 = 10 EOS");
        assertThat(val.rowIndex(61)).isEqualTo(199);
        assertThat(val.text(61)).isEqualTo("BOS 1 + 10 + 9 = 9 EOS");
    }

    private static ArithmeticDataset perOrder(long seed) {
        return ArithmeticDataset.build(new DatasetSpec(11, Operator.ADD, List.of(2, 3), 0.5, seed, SplitRule.PER_ORDER));
    }

    @Test
    void invalidArgumentsAreRejectedWithOneSentence() {
        assertThatThrownBy(() -> new DatasetSpec(1, Operator.ADD, List.of(2), 0.5, 42))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("p must be at least 2, got 1");
        assertThatThrownBy(() -> new DatasetSpec(12, Operator.DIVIDE, List.of(2), 0.5, 42))
                .hasMessage("p must be prime for the operator '/', got 12");
        assertThatThrownBy(() -> new DatasetSpec(31, Operator.ADD, List.of(2), 0.0, 42))
                .hasMessage("r_train must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> new DatasetSpec(31, Operator.ADD, List.of(2), 1.5, 42))
                .hasMessage("r_train must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> new DatasetSpec(31, Operator.ADD, List.of(4), 0.5, 42))
                .hasMessage("orders must be 2, 3 or 2,3, got [4]");
        assertThatThrownBy(() -> Operator.fromSymbol("%"))
                .hasMessage("unknown operator '%'; use one of + - * /");
        assertThatThrownBy(() -> new DatasetSpec(31, Operator.ADD, List.of(2), 0.5, 42, SplitRule.PER_ORDER))
                .hasMessage("the per-order split needs orders 2,3, got [2]");
        assertThatThrownBy(() -> dataset(31, "+", List.of(2), 0.0001, 42))
                .hasMessage("r_train 1.0E-4 leaves no training equation out of 961");
        assertThatThrownBy(() -> new DatasetSpec(200, Operator.ADD, List.of(3), 0.5, 42))
                .hasMessageStartingWith("p = 200 with orders [3] gives 8000000 equations");
        assertThat(new DatasetSpec(13, Operator.DIVIDE, List.of(3, 2), 0.5, 42).orders()).containsExactly(2, 3);
    }
}
