package org.polygrok.nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.polygrok.api.DType;
import org.polygrok.api.Tensor;
import org.polygrok.api.train.ParameterUpdate;

/**
 * The api's {@link ParameterUpdate} (global-norm clipping + the optimizer rule) traced once into a
 * small SameDiff graph over the flat weight, gradient and slot vectors. SameDiff has no in-graph
 * assignment for training, so each run returns new vectors that are copied over the old ones.
 */
final class UpdateGraph {
    private final SameDiff sd = SameDiff.create();
    private final ArrayPool pool = ArrayPool.install(sd);
    private final ParameterUpdate update;
    private final List<String> slotInputs = new ArrayList<>();
    private final List<String> scalarInputs = new ArrayList<>();
    private final List<String> slotOutputs = new ArrayList<>();
    private final String parameterOutput;

    UpdateGraph(ParameterUpdate update, long size) {
        this.update = update;
        Nd4jOps ops = new Nd4jOps(sd, Map.of());
        long[] shape = {size};
        Tensor parameter = ops.wrap(sd.placeHolder("parameter", DataType.FLOAT, size), shape, DType.FLOAT32);
        Tensor gradient = ops.wrap(sd.placeHolder("gradient", DataType.FLOAT, size), shape, DType.FLOAT32);
        List<Tensor> slots = new ArrayList<>();
        for (String name : update.slotNames()) {
            slots.add(ops.wrap(sd.placeHolder("slot_" + name, DataType.FLOAT, size), shape, DType.FLOAT32));
            slotInputs.add("slot_" + name);
        }
        List<Tensor> scalars = new ArrayList<>();
        for (int i = 0; i < update.stepScalars(1).length; i++) {
            scalars.add(ops.wrap(sd.placeHolder("step_scalar_" + i, DataType.FLOAT), new long[0], DType.FLOAT32));
            scalarInputs.add("step_scalar_" + i);
        }
        ParameterUpdate.Result result = update.apply(ops, List.of(parameter), List.of(gradient), List.of(slots),
                scalars);
        this.parameterOutput = ((Nd4jTensor) result.parameters().get(0)).variable().name();
        for (Tensor slot : result.slots().get(0)) {
            slotOutputs.add(((Nd4jTensor) slot).variable().name());
        }
    }

    /** Optimizer step {@code step} (1-based): overwrites {@code parameter} and {@code slots} with their new values. */
    void apply(long step, INDArray parameter, INDArray gradient, List<INDArray> slots) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put("parameter", parameter);
        feed.put("gradient", gradient);
        for (int i = 0; i < slots.size(); i++) {
            feed.put(slotInputs.get(i), slots.get(i));
        }
        float[] stepScalars = update.stepScalars(step);
        List<INDArray> scalarArrays = new ArrayList<>();
        for (int i = 0; i < stepScalars.length; i++) {
            INDArray s = Nd4j.scalar(stepScalars[i]);
            scalarArrays.add(s);
            feed.put(scalarInputs.get(i), s);
        }
        List<String> outputs = new ArrayList<>(slotOutputs);
        outputs.add(parameterOutput);
        try {
            Map<String, INDArray> out = sd.output(feed, outputs.toArray(String[]::new));
            parameter.assign(out.get(parameterOutput));
            for (int i = 0; i < slots.size(); i++) {
                slots.get(i).assign(out.get(slotOutputs.get(i)));
            }
        } finally {
            pool.recycle();
            scalarArrays.forEach(Nd4jArrays::release);
        }
    }
}
