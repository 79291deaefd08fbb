package org.polygrok.plotting.figures;

import java.util.ArrayList;
import java.util.List;
import org.polygrok.plotting.draw.ColorScale;
import org.polygrok.plotting.draw.HeatMapGrid;
import org.polygrok.plotting.results.AttentionMaps;
import org.polygrok.plotting.results.ExperimentRecord;

/** Q8: per sample, an L × H grid of S×S attention maps titled "Layer i, Head j" with one 0–1 colour bar. */
final class AttentionFigures {

    private AttentionFigures() {
    }

    static List<NamedDrawing> of(ExperimentRecord spec, AttentionMaps maps) {
        List<NamedDrawing> out = new ArrayList<>();
        for (int i = 0; i < maps.samples().size(); i++) {
            AttentionMaps.Sample s = maps.samples().get(i);
            String what = "sample " + (i + 1) + ": " + String.join(" ", s.tokens())
                    + (maps.modelTrial().isEmpty() ? "" : " (trial " + maps.modelTrial() + ")");
            out.add(new NamedDrawing("attention-sample" + (i + 1) + "-" + maps.backend(), new HeatMapGrid(
                    Labels.title(spec, "gpt", maps.backend(), what), s.tokens(), s.attentions(),
                    ColorScale.unit("attention weight"), "x", "x (context)")));
        }
        return out;
    }
}
