package org.polygrok.tf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.HostArray;
import org.polygrok.api.Tensor;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.model.ModelOutput;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;

/** The model's forward pass for one token shape, traced once, fetching the logits and every internal. */
final class TfForwardTrace {
    private final TfBatchFeed feed;
    private final List<String> names;
    private final List<Operand<?>> outputs;

    private TfForwardTrace(TfBatchFeed feed, List<String> names, List<Operand<?>> outputs) {
        this.feed = feed;
        this.names = names;
        this.outputs = outputs;
    }

    static TfForwardTrace trace(org.tensorflow.op.Ops base, LanguageModel model, TfVariableStore variables,
            long[] tokenShape) {
        org.tensorflow.op.Ops tf = base.withSubScope("forward_" + tokenShape[0] + "x" + tokenShape[1]);
        TfBatchFeed feed = TfBatchFeed.tokensOnly(tf, tokenShape);
        TfOps ops = new TfOps(tf, variables.readPieces(tf));
        ModelOutput out = model.forward(ops, feed.tokens());
        List<String> names = new ArrayList<>();
        List<Operand<?>> outputs = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : out.named().entrySet()) {
            names.add(e.getKey());
            outputs.add(TfTensor.of(e.getValue()).operand());
        }
        return new TfForwardTrace(feed, names, outputs);
    }

    Map<String, HostArray> run(Session session, HostArray tokens) {
        Session.Runner runner = session.runner();
        try {
            feed.feedTokens(runner, tokens);
            outputs.forEach(runner::fetch);
            Map<String, HostArray> out = new LinkedHashMap<>();
            try (Result result = runner.run()) {
                for (int i = 0; i < names.size(); i++) {
                    out.put(names.get(i), TfArrays.toHost(result.get(i)));
                }
            }
            return out;
        } finally {
            feed.close();
        }
    }
}
