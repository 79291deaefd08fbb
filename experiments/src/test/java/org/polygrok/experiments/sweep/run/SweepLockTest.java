package org.polygrok.experiments.sweep.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A held folder is refused naming its holder, both when locking and when only probing; a probe changes nothing. */
class SweepLockTest {
    @TempDir
    Path tmp;

    @Test
    void aHeldFolderIsRefusedNamingItsHolder() throws Exception {
        Path dir = tmp.resolve("sanity");
        try (SweepLock held = SweepLock.acquire(dir)) {
            assertThatThrownBy(() -> SweepLock.acquire(dir)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("another polygrok sweep (pid " + ProcessHandle.current().pid() + " on ")
                    .hasMessageContaining("is running in " + dir);
            assertThatThrownBy(() -> SweepLock.refuseIfHeld(dir)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("another polygrok sweep (pid " + ProcessHandle.current().pid() + " on ");
        }
        String text = Files.readString(dir.resolve(".lock"));
        assertThatCode(() -> SweepLock.refuseIfHeld(dir)).doesNotThrowAnyException();
        assertThat(Files.readString(dir.resolve(".lock"))).isEqualTo(text);
    }

    @Test
    void aFolderWithoutALockIsNotProbedIntoExistence() {
        Path dir = tmp.resolve("empty");
        assertThatCode(() -> SweepLock.refuseIfHeld(dir)).doesNotThrowAnyException();
        assertThat(dir).doesNotExist();
    }
}
