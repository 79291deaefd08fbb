package org.polygrok.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/**
 * One deep-learning engine behind the neutral {@link Ops}. Created by a {@link BackendProvider};
 * owns native resources until {@link #close()}.
 */
public interface Backend extends AutoCloseable {

    /** Short name used on the command line: {@code djl}, {@code tf}, {@code nd4j}. */
    String name();

    /** Engine and version, e.g. "PyTorch 2.7.1 via DJL 0.36.0". */
    String engineDescription();

    Set<Capability> capabilities();

    /** Runs a computation on host inputs (eagerly, or traced and executed once) and copies results back. */
    List<HostArray> run(TensorFunction function, List<HostArray> inputs);

    /** The value of a scalar function and its gradients, by the engine's own autodiff. */
    ValueAndGradients valueAndGradients(ScalarFunction function, List<HostArray> inputs);

    /**
     * Compiles (model, loss, optimizer) into a training session: eager on DJL, a graph traced
     * once on TensorFlow and SameDiff.
     *
     * @param initialWeights one entry per {@link LanguageModel#parameters()} name, same shapes
     */
    TrainSession newTrainSession(LanguageModel model, Map<String, HostArray> initialWeights, TrainSpec spec);

    @Override
    void close();
}
