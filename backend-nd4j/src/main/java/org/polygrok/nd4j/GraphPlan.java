package org.polygrok.nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseOp;
import org.nd4j.linalg.api.ops.BaseReduceOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.shape.Concat;
import org.nd4j.linalg.api.ops.impl.shape.OnesAs;
import org.nd4j.linalg.api.ops.impl.shape.OnesLike;
import org.nd4j.linalg.api.ops.impl.shape.Rank;
import org.nd4j.linalg.api.ops.impl.shape.Reshape;
import org.nd4j.linalg.api.ops.impl.shape.Size;
import org.nd4j.linalg.api.ops.impl.shape.ZerosLike;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A SameDiff graph compiled for fixed input shapes and fixed outputs: the ops the outputs need,
 * in dependency order, each with its {@link OpContext} bound once to its input and output arrays.
 * A run executes the ops one after another with SameDiff's own op implementations; nothing is
 * looked up, shape-inferred or allocated per run. Intermediate arrays share memory when their
 * lifetimes do not overlap.
 *
 * <p>This replaces SameDiff's general-purpose session (control flow, dynamic shapes, per-op
 * dependency tracking), which costs about 0.3 ms of Java work per op and leaves most arrays to
 * the garbage collector. The graphs traced here have neither control flow nor dynamic shapes.
 */
final class GraphPlan implements AutoCloseable {
    /**
     * One op, its bound context, state legacy ops keep on themselves ({@code axisOrScalar}), its
     * {@link OpThreads} limit, and the {@link JavaKernels} loop that runs in libnd4j's place (or null).
     */
    private record Step(DifferentialFunction op, OpContext context, Runnable axisOrScalar, int threads, Runnable javaKernel) {
        void execute(OpThreads limit) {
            limit.use(threads);
            execute();
        }

        void execute() {
            if (javaKernel != null) {
                javaKernel.run();
                return;
            }
            if (axisOrScalar != null) {
                axisOrScalar.run(); // the op object may be shared with another plan of the same graph
            }
            if (op instanceof CustomOp c) {
                Nd4j.exec(c, context);
            } else {
                Nd4j.exec((Op) op, context);
            }
        }

        void executeProfiled(OpThreads limit) {
            long t0 = System.nanoTime();
            long c0 = OpProfile.threadCpuNanos();
            execute(limit);
            OpProfile.record(op.opName(), System.nanoTime() - t0, OpProfile.threadCpuNanos() - c0);
        }
    }

    private final SameDiff sd;
    private final Map<String, INDArray> arrays = new HashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<INDArray> owned = new ArrayList<>();
    private final Map<String, INDArray> outputs = new LinkedHashMap<>();
    /** Variables sharing one buffer (pass-through ops, views, placed blocks): handed on once all are done. */
    private final SharedBuffers shared = new SharedBuffers();
    /** Outputs of ops whose values depend on shapes only, computed once when compiling: never handed to another op. */
    private final Set<String> constants = new HashSet<>();
    private static final Set<Class<?>> SHAPE_ONLY = Set.of(org.nd4j.linalg.api.ops.impl.shape.Shape.class,
            ZerosLike.class, OnesLike.class, OnesAs.class, Size.class, Rank.class);

    /** Outputs to be written into caller-owned arrays ({@link #GraphPlan(SameDiff, Map, List, Map)}). */
    private final Map<String, INDArray> targets;
    /** Targets that no op could write directly: copied into after every run, as {source, target}. */
    private final List<INDArray[]> copies = new ArrayList<>();
    private Map<String, Integer> lastUse;
    private int position;
    private ConcatPlacement placement;
    private final long bytes;

    /**
     * Compiles and runs once.
     *
     * @param inputs an array for every placeholder the outputs depend on; the plan reads these
     *     same arrays on every run, so callers refill them in place
     */
    GraphPlan(SameDiff sd, Map<String, INDArray> inputs, List<String> outputNames) {
        this(sd, inputs, outputNames, Map.of());
    }

    /**
     * Compiles and runs once, with some outputs written into the caller's arrays on every run.
     *
     * @param targets for some of {@code outputNames}, the array (of the output's shape and type) that
     *     receives its value; the op computing the output writes there directly when no later op reads
     *     memory of that array (an input may thus be updated in place), else the value is copied
     */
    GraphPlan(SameDiff sd, Map<String, INDArray> inputs, List<String> outputNames, Map<String, INDArray> targets) {
        this(sd, inputs, outputNames, targets, null);
    }

    /**
     * Compiles and runs once, taking intermediate arrays from (and handing them back to) a pool that
     * other plans share ({@link FreeList#shared()}). Plans of one pool must run one at a time, and each
     * plan's outputs must be read before another plan of the pool runs: between runs, a plan's
     * intermediate arrays hold nothing it needs, so another plan may compute in them. The pool owns
     * every array the plan allocated (its constants too) and releases them when it closes; closing
     * the plan releases none.
     */
    GraphPlan(SameDiff sd, Map<String, INDArray> inputs, List<String> outputNames, Map<String, INDArray> targets,
            FreeList pool) {
        this.sd = sd;
        this.targets = targets;
        arrays.putAll(inputs);
        List<SameDiffOp> order = GraphOrder.opsInOrder(sd, outputNames);
        this.lastUse = GraphOrder.lastUses(order, outputNames);
        this.placement = new ConcatPlacement(order);
        FreeList free = pool != null ? pool : new FreeList();
        for (int i = 0; i < order.size(); i++) {
            SameDiffOp op = order.get(i);
            position = i;
            bind(op, free);
            for (String in : new HashSet<>(op.getInputsToOp())) { // an op may read one array twice (x · x)
                if (lastUse.getOrDefault(in, -1) != i) {
                    continue;
                }
                if (shared.isShared(in)) {
                    free.put(shared.release(in, i, n -> lastUse.getOrDefault(n, -1), this::isIntermediate));
                } else if (isIntermediate(in)) {
                    free.put(arrays.get(in));
                }
            }
        }
        for (String name : outputNames) {
            INDArray target = targets.get(name);
            INDArray value = arrayOf(name);
            if (target != null && value != target) {
                copies.add(new INDArray[] {value, target});
            }
            outputs.put(name, target == null ? value : target);
        }
        copyToTargets();
        owned.addAll(placement.owned());
        this.bytes = owned.stream().mapToLong(a -> a.length() * a.dataType().width()).sum();
        if (pool != null) {
            pool.adopt(owned); // other plans may compute in them from now on
            owned.clear();
        }
        this.lastUse = null;
        this.placement = null;
    }

    /** Executes every op once more with the current contents of the input arrays. */
    void run() {
        run(Nd4jEngine.configuredThreads());
    }

    /** {@link #run()} with no op using more than {@code maxThreads} threads. */
    void run(int maxThreads) {
        OpThreads limit = new OpThreads(maxThreads);
        if (OpProfile.ENABLED) {
            long t0 = System.nanoTime();
            long c0 = OpProfile.threadCpuNanos();
            for (Step s : steps) {
                s.executeProfiled(limit);
            }
            limit.restore();
            copyToTargets();
            OpProfile.recordRun(steps.size(), System.nanoTime() - t0, OpProfile.threadCpuNanos() - c0);
            return;
        }
        for (Step s : steps) {
            s.execute(limit);
        }
        limit.restore();
        copyToTargets();
    }

    private void copyToTargets() {
        for (INDArray[] c : copies) {
            c[1].assign(c[0]);
        }
    }

    /** The array an output is written to; valid until the next run. */
    INDArray output(String name) {
        INDArray a = outputs.get(name);
        if (a == null) {
            throw new IllegalArgumentException("'" + name + "' is not an output of this plan");
        }
        return a;
    }

    /** Bytes of the intermediate and output arrays this plan allocated (owned by the pool, for a pooled plan). */
    long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        owned.forEach(Nd4jArrays::release);
        owned.clear();
        steps.clear();
    }

    private boolean isIntermediate(String name) {
        SDVariable v = sd.getVariable(name);
        return v.getVariableType() == VariableType.ARRAY && !constants.contains(name);
    }

    /** Binds one op's inputs, allocates its outputs, and runs it once (later ops' shapes may depend on its values). */
    private void bind(SameDiffOp sdOp, FreeList free) {
        DifferentialFunction df = sdOp.getOp();
        List<String> inNames = sdOp.getInputsToOp() == null ? List.of() : sdOp.getInputsToOp();
        INDArray[] args = new INDArray[inNames.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = arrayOf(inNames.get(i));
        }
        List<String> outNames = sdOp.getOutputsOfOp();
        int[] sources = PassThroughOps.sources(df, args, outNames.size());
        if (sources != null) { // each output is the array of one input: bound to it, nothing to run
            for (int i = 0; i < sources.length; i++) {
                arrays.put(outNames.get(i), args[sources[i]]);
                shared.share(outNames.get(i), args[sources[i]]);
                shared.share(inNames.get(sources[i]), args[sources[i]]);
            }
            return;
        }
        boolean constant = SHAPE_ONLY.contains(df.getClass()); // computed once: the plan's shapes never change
        OpContext context = Nd4j.getExecutioner().buildContext();
        List<LongShapeDescriptor> shapes;
        Runnable axisOrScalar = null;
        DifferentialFunction kernel = FasterKernels.replacement(df);
        if (kernel != df) {
            context.setInputArrays(args);
            shapes = ((DynamicCustomOp) kernel).calculateOutputShape(context);
        } else if (df instanceof DynamicCustomOp custom) {
            context.setArgs(args, custom.iArgs(), custom.dArgs(), custom.tArgs(), custom.bArgs());
            shapes = custom.calculateOutputShape(context);
            if (df instanceof Reshape && reshapedInPlace(args[0], shapes.get(0), inNames.get(0), outNames.get(0))
                    || boundAsViews(ViewOps.views(df, args, shapes), inNames.get(0), outNames)
                    || df instanceof Concat && boundToPlacedBlocks(sdOp, args, outNames.get(0))) {
                return;
            }
        } else if (df instanceof Op legacy) {
            boolean axisArgument = false;
            if (legacy instanceof ReduceOp reduce && reduce.getOpType() != Op.Type.REDUCE3 && args.length == 2) {
                int[] axis = Shape.normalizeAxis(args[0].rank(), args[1].toIntVector()); // axis given as an input
                axisOrScalar = () -> {
                    df.setDimensions(axis);
                    ((BaseReduceOp) legacy).setEmptyReduce(false);
                };
                axisArgument = true;
            } else if (legacy instanceof ScalarOp scalarOp && args.length == 2) {
                INDArray scalar = args[1];
                axisOrScalar = () -> scalarOp.setScalar(scalar);
            }
            if (axisOrScalar != null) {
                axisOrScalar.run();
            }
            if (args.length > 0) {
                context.setInputArray(0, args[0]);
                if (args.length == 2 && !axisArgument) {
                    context.setInputArray(1, args[1]);
                }
            }
            shapes = ((BaseOp) legacy).calculateOutputShape(context);
        } else {
            throw new IllegalStateException("plans cannot run op " + df.getClass().getName());
        }
        if (shapes.size() != outNames.size()) {
            throw new IllegalStateException("op '" + sdOp.getName() + "' reports " + shapes.size() + " output shapes for "
                    + outNames.size() + " outputs");
        }
        for (int i = 0; i < outNames.size(); i++) {
            DataType type = sd.getVariable(outNames.get(i)).dataType(); // SameDiff's rule: the variable's type wins
            LongShapeDescriptor shape = shapes.get(i).dataType() == type ? shapes.get(i) : shapes.get(i).asDataType(type);
            INDArray out = constant ? null : directTarget(outNames.get(i), shape);
            if (out == null && !constant && (out = placement.block(outNames.get(i), shape)) != null) {
                shared.share(outNames.get(i), out); // a block of a concatenation's output ({@link ConcatPlacement})
            } else if (out == null && !constant && (out = free.take(shape)) != null) {
                shared.allocated(out); // (a constant's buffer is never shared: the buffer's earlier user would overwrite it)
            } else if (out == null) {
                out = shape.isEmpty() ? Nd4j.create(shape)
                        : Nd4j.createUninitializedDetached(type, shape.getOrder(), shape.getShape());
                owned.add(out);
                if (!constant) {
                    shared.allocated(out);
                }
            }
            context.setOutputArray(i, out);
            arrays.put(outNames.get(i), out);
        }
        INDArray[] outs = outNames.stream().map(arrays::get).toArray(INDArray[]::new);
        Step step = new Step(kernel, context, axisOrScalar, OpThreads.forOp(kernel, args, outs),
                JavaKernels.replacement(kernel, args, outs));
        step.execute();
        if (constant) {
            constants.addAll(outNames);
        } else {
            steps.add(step);
        }
    }

    /**
     * The caller's array for output {@code name} if the op at {@link #position} may write it: same
     * shape and type, default strides, and no op from this one on reads memory of it.
     */
    private INDArray directTarget(String name, LongShapeDescriptor shape) {
        INDArray target = targets.get(name);
        if (target == null || target.dataType() != shape.dataType() || target.ordering() != shape.getOrder()
                || !Arrays.equals(target.shape(), shape.getShape()) || !Shape.hasDefaultStridesForShape(target)) {
            return null;
        }
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            INDArray a = e.getValue();
            if (lastUse.getOrDefault(e.getKey(), -1) >= position && a != null && FreeList.overlap(a, target)) {
                return null;
            }
        }
        return target;
    }

    /**
     * A reshape of a dense row-major array is a view of it: no copy, no op to run. The two names
     * then share one buffer ({@link SharedBuffers}). The array may itself be a dense view (a reshape,
     * a block of a split or a placed concatenation, a weight in the flat vector): the GPT step at
     * B = 32 ran 25 copying reshapes of such views, ~15 µs each.
     */
    private boolean reshapedInPlace(INDArray input, LongShapeDescriptor shape, String inName, String outName) {
        boolean dense = input.ordering() == 'c' && Shape.hasDefaultStridesForShape(input) && shape.getOrder() == 'c'
                && input.dataType() == shape.dataType() && !shape.isEmpty() && !input.isEmpty();
        if (!dense) {
            return false;
        }
        INDArray view = input.reshape('c', shape.getShape());
        if (view.data().address() != input.data().address() || view.offset() != input.offset()) {
            return false; // ND4J copied: let the op run
        }
        arrays.put(outName, view);
        shared.share(inName, input);
        shared.share(outName, view);
        return true;
    }

    /**
     * Binds a concatenation's output to the array its inputs were computed into ({@link ConcatPlacement}),
     * if they all were; that array then belongs to the plan like any output it allocated.
     */
    private boolean boundToPlacedBlocks(SameDiffOp concat, INDArray[] inputs, String outName) {
        INDArray output = placement.output(concat, inputs, constants);
        if (output == null) {
            return false;
        }
        arrays.put(outName, output);
        shared.share(outName, output);
        shared.allocated(output);
        return true;
    }

    /** Binds {@code outNames} to {@code views} of input {@code inName} (when not null); they share its buffer. */
    private boolean boundAsViews(INDArray[] views, String inName, List<String> outNames) {
        if (views == null || views.length != outNames.size() || views[0] == null) {
            return false;
        }
        for (int i = 0; i < views.length; i++) {
            arrays.put(outNames.get(i), views[i]);
            shared.share(outNames.get(i), views[i]);
        }
        shared.share(inName, arrayOf(inName));
        return true;
    }

    private INDArray arrayOf(String name) {
        INDArray a = arrays.get(name);
        if (a != null) {
            return a;
        }
        SDVariable v = sd.getVariable(name);
        switch (v.getVariableType()) {
            case VARIABLE, CONSTANT -> {
                a = sd.getArrForVarName(name);
                arrays.put(name, a);
                return a;
            }
            case PLACEHOLDER -> throw new IllegalArgumentException("no array given for placeholder '" + name + "'");
            default -> throw new IllegalStateException("'" + name + "' is used before the op that computes it");
        }
    }
}
