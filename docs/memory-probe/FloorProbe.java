import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.ObjectName;

/**
 * Memory floor probe: {@code bare OUT}, {@code engine NAME OUT} (engine loaded, one 2x2 matmul) or
 * {@code train NAME MODEL BATCH STEPS OUT} (a bench measurement). Writes OUT.smaps, OUT.nmt, OUT.heap.
 */
public final class FloorProbe {
    public static void main(String[] a) throws Exception {
        String out;
        switch (a[0]) {
            case "bare" -> out = a[1];
            case "engine" -> {
                var provider = org.polygrok.api.Backends.select(a[1]);
                var backend = provider.create(new org.polygrok.api.BackendOptions(2, false));
                var r = backend.run((ops, in) -> List.of(ops.matmul(in.get(0), in.get(0))),
                        List.of(org.polygrok.api.HostArray.of(new float[] {1, 2, 3, 4}, 2, 2)));
                System.out.println("result " + r.get(0).floats()[0]);
                out = a[2];
                dump(out);
                backend.close();
                return;
            }
            case "train" -> {
                var model = org.polygrok.experiments.train.ModelKind.fromLabel(a[2]);
                var s = new org.polygrok.experiments.bench.BenchSettings(model, Integer.parseInt(a[3]),
                        Integer.parseInt(a[4]), 5, 2, 2, 128, 2, 31);
                var row = org.polygrok.experiments.bench.BenchMeasurement.measure(
                        org.polygrok.api.Backends.select(a[1]), s);
                System.out.println("row " + row);
                out = a[5];
            }
            default -> throw new IllegalArgumentException(a[0]);
        }
        dump(out);
    }

    static void dump(String out) throws Exception {
        Files.copy(Path.of("/proc/self/smaps"), Path.of(out + ".smaps"));
        Files.copy(Path.of("/proc/self/status"), Path.of(out + ".status"));
        var server = ManagementFactory.getPlatformMBeanServer();
        var dcmd = new ObjectName("com.sun.management:type=DiagnosticCommand");
        String[] sig = {String[].class.getName()};
        Object nmt = server.invoke(dcmd, "vmNativeMemory", new Object[] {new String[] {"summary"}}, sig);
        Files.writeString(Path.of(out + ".nmt"), String.valueOf(nmt));
        Object heap = server.invoke(dcmd, "gcHeapInfo", new Object[] {new String[0]}, sig);
        Files.writeString(Path.of(out + ".heap"), String.valueOf(heap));
    }
}
