package org.memberflow.api.importer;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The progress files, one per file content and brand ({@code <state-dir>/<sha256 of both>.json}),
 * written whole to a temporary file and renamed over the old one: an import cut off at any moment
 * leaves the previous progress or the new one, never half of either.
 */
final class ProgressStore {
    private final Path dir;

    ProgressStore(Path dir) {
        this.dir = dir;
    }

    Path pathOf(String fileSha256, String brand) {
        return dir.resolve(FileFingerprint.sha256Of(fileSha256, brand).substring(0, 32) + ".json");
    }

    Optional<ImportProgress> load(String fileSha256, String brand) throws IOException {
        Path path = pathOf(fileSha256, brand);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        return Optional.of(EventJson.MAPPER.readValue(Files.readAllBytes(path), ImportProgress.class));
    }

    void save(ImportProgress progress) throws IOException {
        Files.createDirectories(dir);
        Path target = pathOf(progress.sha256(), progress.brand());
        Path temp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, EventJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(progress));
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
