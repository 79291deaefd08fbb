package org.polygrok.plotting.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an experiment's summary.json (a list of rows, docs/RESULTS.md). */
final class SummaryReader {

    private SummaryReader() {
    }

    static List<SummaryRow> read(Path file) {
        JsonNode root = Json.read(file);
        if (!root.isArray()) {
            throw new IllegalArgumentException(file + " must hold a JSON list of summary rows");
        }
        List<SummaryRow> rows = new ArrayList<>();
        for (JsonNode r : root) {
            Map<String, Stat> metrics = new LinkedHashMap<>();
            JsonNode m = r.get("metrics");
            if (m != null && m.isObject()) {
                m.fields().forEachRemaining(f -> metrics.put(f.getKey(),
                        new Stat(Json.number(f.getValue(), "mean"), Json.number(f.getValue(), "std"))));
            }
            rows.add(new SummaryRow(Json.text(r, "backend"), Json.text(r, "model"),
                    new Setting(Json.object(r, "setting")), Json.number(r, "alpha"), Json.integers(r, "seeds"),
                    Json.integer(r, "num_params"), Json.texts(r, "failed"), metrics));
        }
        return rows;
    }
}
