package org.memberflow.rules.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.memberflow.rules.check.RuleFileKind;
import org.memberflow.rules.session.RuleFile;

/**
 * The rule files named on a command line: a file is taken by its name; a folder by every rule
 * file under it, named by its path inside the folder (so {@code campaigns/} kept in Git uploads
 * as {@code birthday.drl.xlsx}, {@code churn/recall.drl}, ...).
 */
final class RuleFiles {
    private RuleFiles() {
    }

    static List<RuleFile> read(List<Path> paths) throws IOException {
        List<RuleFile> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        String name = path.relativize(file).toString().replace('\\', '/');
                        if (RuleFileKind.of(name).isPresent()) {
                            files.add(new RuleFile(name, Files.readAllBytes(file)));
                        }
                    }
                }
            } else {
                files.add(new RuleFile(path.getFileName().toString(), Files.readAllBytes(path)));
            }
        }
        return files;
    }
}
