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
 * The reference for {@link HostUpdate} in tests: the api's {@link ParameterUpdate} (global-norm
 * clipping + the optimizer rule) traced once into a small SameDiff graph over the flat weight, gradient and slot vectors, compiled into a
 * {@link GraphPlan} bound to those vectors. The ops computing the new weights and slots write them
 * over the old vectors (each after the last op that reads the old values).
 */
final class UpdateGraph implements AutoCloseable {
    private final SameDiff sd = SameDiff.create();
    private final INDArray[] scalarArrays;
    private GraphPlan plan;
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
        this.scalarArrays = new INDArray[update.stepScalars(1).length];
        for (int i = 0; i < scalarArrays.length; i++) {
            scalarArrays[i] = Nd4j.scalar(0f);
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

    /**
     * Optimizer step {@code step} (1-based): overwrites {@code parameter} and {@code slots} with their
     * new values, no op using more than {@code maxThreads} threads.
     */
    void apply(long step, INDArray parameter, INDArray gradient, List<INDArray> slots, int maxThreads) {
        float[] stepScalars = update.stepScalars(step);
        for (int i = 0; i < stepScalars.length; i++) {
            scalarArrays[i].putScalar(0, stepScalars[i]);
        }
        if (plan == null) {
            Map<String, INDArray> inputs = new HashMap<>();
            inputs.put("parameter", parameter);
            inputs.put("gradient", gradient);
            for (int i = 0; i < slots.size(); i++) {
                inputs.put(slotInputs.get(i), slots.get(i));
            }
            for (int i = 0; i < scalarArrays.length; i++) {
                inputs.put(scalarInputs.get(i), scalarArrays[i]);
            }
            List<String> outputs = new ArrayList<>(slotOutputs);
            outputs.add(parameterOutput);
            Map<String, INDArray> targets = new HashMap<>();
            targets.put(parameterOutput, parameter);
            for (int i = 0; i < slots.size(); i++) {
                targets.put(slotOutputs.get(i), slots.get(i));
            }
            plan = new GraphPlan(sd, inputs, outputs, targets); // bound to these arrays from now on
        } else {
            plan.run(maxThreads);
        }
    }

    @Override
    public void close() {
        if (plan != null) {
            plan.close();
        }
        for (INDArray s : scalarArrays) {
            s.close();
        }
    }
}
