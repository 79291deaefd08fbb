package org.polygrok.experiments.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A grid's points: the cartesian product of its value lists, the first key outermost. */
public final class SpecGrid {
    private SpecGrid() {
    }

    /** Every point of {@code grid} as a key → value map in grid order; one empty point without a grid. */
    public static List<Map<String, Object>> points(Map<String, List<Object>> grid) {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        if (grid == null) {
            return points;
        }
        for (Map.Entry<String, List<Object>> axis : grid.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> point : points) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> p = new LinkedHashMap<>(point);
                    p.put(axis.getKey(), value);
                    next.add(p);
                }
            }
            points = next;
        }
        return points;
    }
}
