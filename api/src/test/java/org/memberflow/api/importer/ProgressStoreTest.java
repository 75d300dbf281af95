package org.memberflow.api.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress file: one per file content and brand, replaced whole. */
class ProgressStoreTest {
    @TempDir
    Path dir;

    @Test
    void shouldKeepTheProgressOfAFileAndBrandAndReadItBack() throws Exception {
        ProgressStore store = new ProgressStore(dir.resolve("imports"));
        ImportProgress progress = ImportProgress.start("members.csv", "ab12", "chayu", ImportKind.MEMBERS)
                .committed(17, 15, 27, "2026-11-26T08:00:00Z")
                .refusing(List.of(new Rejection(9, "tier", "refused by the server: too long", List.of("m-9", "x"))));

        store.save(progress);

        assertThat(store.load("ab12", "chayu")).contains(progress);
        assertThat(store.load("ab12", "other")).isEmpty();
        assertThat(store.load("cd34", "chayu")).isEmpty();
    }

    @Test
    void shouldReplaceTheFileWholeLeavingNoTemporaryFileBehind() throws Exception {
        ProgressStore store = new ProgressStore(dir);
        ImportProgress progress = ImportProgress.start("orders.csv", "ab12", "chayu", ImportKind.ORDERS);

        store.save(progress.committed(500, 500, 520, "t1"));
        store.save(progress.committed(1000, 1000, 1040, "t2").finished(1001, "t3"));

        assertThat(store.load("ab12", "chayu")).hasValueSatisfying(p -> {
            assertThat(p.lastLine()).isEqualTo(1001);
            assertThat(p.rowsSent()).isEqualTo(1000);
            assertThat(p.finished()).isTrue();
        });
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).singleElement().isEqualTo(store.pathOf("ab12", "chayu"));
        }
    }
}
