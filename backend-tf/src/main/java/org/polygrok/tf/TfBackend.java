package org.polygrok.tf;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.Capability;
import org.polygrok.api.HostArray;
import org.polygrok.api.ScalarFunction;
import org.polygrok.api.TensorFunction;
import org.polygrok.api.ValueAndGradients;
import org.polygrok.api.backend.OpenSessions;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;
import org.tensorflow.proto.ConfigProto;

/**
 * TensorFlow Java in graph mode: computations are traced once into a {@code Graph} (per input
 * shape) and run by a {@code Session}; gradients come from {@code Graph.addGradients}.
 *
 * <p>TensorFlow's C++ logging reads {@code TF_CPP_MIN_LOG_LEVEL} from the environment when the
 * library loads; the launcher sets it to 2 unless {@code --verbose}.
 */
public final class TfBackend implements Backend {
    private final BackendOptions options;
    private final ConfigProto config;
    private final String description;
    private final TfGraphFunctions functions;
    private final OpenSessions sessions = new OpenSessions();

    TfBackend(BackendOptions options, String fallbackDescription) {
        this.options = options;
        this.config = TfEngine.sessionConfig(options);
        String version = TfEngine.load();
        this.description = version == null ? fallbackDescription
                : "TensorFlow " + version + " via TensorFlow Java " + TfBackendProvider.tensorFlowJavaVersion();
        this.functions = new TfGraphFunctions(config);
    }

    @Override
    public String name() {
        return TfBackendProvider.NAME;
    }

    @Override
    public String engineDescription() {
        return description;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.MODEL_INTERNALS, Capability.OPTIMIZER_STATE, Capability.THREAD_CONTROL);
    }

    /** The options this backend was created with. */
    public BackendOptions options() {
        return options;
    }

    @Override
    public List<HostArray> run(TensorFunction function, List<HostArray> inputs) {
        return functions.run(function, inputs);
    }

    @Override
    public ValueAndGradients valueAndGradients(ScalarFunction function, List<HostArray> inputs) {
        return functions.valueAndGradients(function, inputs);
    }

    @Override
    public TrainSession newTrainSession(LanguageModel model, Map<String, HostArray> initialWeights, TrainSpec spec) {
        return sessions.add(new TfTrainSession(this, model, initialWeights, spec, config));
    }

    @Override
    public void close() {
        sessions.closeAll();
    }
}
