package org.memberflow.rules.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.builder.Message;
import org.memberflow.rules.check.DrlSource;

/**
 * The executable model compiles rules into generated Java; an error in a consequence is reported
 * against that Java. This maps it back to the rule file and line the code came from, by the
 * generated line's text, which Drools also reports ("Java source of ... in error").
 */
final class GeneratedCodeErrors {
    private static final String GENERATED = "src/main/java/";
    private static final String SOURCE_DUMP = "Java source of ";

    private final Map<String, String[]> generatedSources = new HashMap<>();
    private final List<DrlSource> sources;

    GeneratedCodeErrors(List<Message> messages, List<DrlSource> sources) {
        this.sources = sources;
        for (Message m : messages) {
            if (isSourceDump(m)) {
                String text = m.getText();
                generatedSources.put(m.getPath(), text.substring(text.indexOf('\n') + 1).split("\n", -1));
            }
        }
    }

    static boolean isGenerated(Message m) {
        return m.getPath() != null && m.getPath().startsWith(GENERATED);
    }

    /** Drools' copy of the generated source in error: material for mapping, not an error of its own. */
    static boolean isSourceDump(Message m) {
        return isGenerated(m) && m.getText() != null && m.getText().startsWith(SOURCE_DUMP);
    }

    CompileError locate(Message m) {
        String[] generated = generatedSources.get(m.getPath());
        String code = generated != null && m.getLine() >= 1 && m.getLine() <= generated.length
                ? generated[m.getLine() - 1].trim() : "";
        if (!code.isEmpty()) {
            for (DrlSource source : sources) {
                Optional<Integer> line = lineOf(source.drl(), code);
                if (line.isPresent()) {
                    return source.kind().isDecisionTable()
                            ? new CompileError(source.path(), source.row(line.get()), 0, source.locate(line.get()) + m.getText())
                            : new CompileError(source.path(), line.get(), 0, m.getText());
                }
            }
        }
        String file = sources.size() == 1 ? sources.get(0).path() : "";
        return new CompileError(file, 0, 0, m.getText() + (code.isEmpty() ? "" : " (in `" + code + "`)"));
    }

    private static Optional<Integer> lineOf(String drl, String code) {
        String wanted = squeeze(code);
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!squeeze(lines[i]).isEmpty() && squeeze(lines[i]).equals(wanted)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
