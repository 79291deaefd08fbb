package org.polygrok.experiments.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaCommandTest {

    @Test
    void aChildGetsTheSerialCollectorAndASmallInitialHeapByDefault() {
        assertThat(JavaCommand.childHeapOptions(List.of("-Xmx8g", "-Dai.djl.offline=true")))
                .containsExactly("-XX:+UseSerialGC", "-Xms32m");
    }

    @Test
    void aCollectorOrInitialHeapOfTheParentReplacesTheChildDefault() {
        assertThat(JavaCommand.childHeapOptions(List.of("-XX:+UseG1GC"))).containsExactly("-Xms32m");
        assertThat(JavaCommand.childHeapOptions(List.of("-Xms1g"))).containsExactly("-XX:+UseSerialGC");
        assertThat(JavaCommand.childHeapOptions(List.of("-XX:InitialHeapSize=64m", "-XX:+UseParallelGC"))).isEmpty();
        assertThat(JavaCommand.childHeapOptions(List.of("-XX:+UseCompressedOops", "-XX:+UseStringDeduplication")))
                .containsExactly("-XX:+UseSerialGC", "-Xms32m");
    }

    @Test
    void theChildRepeatsSystemPropertiesAndVmOptionsButNoDebugger() {
        assertThat(JavaCommand.inheritedOptions(List.of("-Xmx8g", "-XX:NativeMemoryTracking=summary", "-Da=b",
                "-Xdebug", "-Xrunjdwp:transport=dt_socket", "-javaagent:x.jar", "--add-opens=java.base/java.lang=ALL-UNNAMED")))
                .containsExactly("-Xmx8g", "-XX:NativeMemoryTracking=summary", "-Da=b");
    }

    @Test
    void theDefaultsComeBeforeTheInheritedOptionsSoThatTheParentsWin() {
        List<String> cmd = JavaCommand.forMain(JavaCommandTest.class, "x");
        assertThat(cmd.get(1)).isIn("-XX:+UseSerialGC", "-Xms32m");
        assertThat(cmd).endsWith(JavaCommandTest.class.getName(), "x");
    }
}
