package org.memberflow.rules.check;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.memberflow.rules.session.CompileError;
import org.memberflow.rules.session.RuleFile;

/**
 * Reads and checks the files of a rule set before anything compiles them: names and sizes,
 * decision tables turned into DRL within their limits, then the safety check of every DRL text.
 * Reports every problem of every file.
 */
public final class RuleSetChecker {
    public static final int MAX_FILES = 100;
    public static final int MAX_DRL_BYTES = 1024 * 1024;
    /** All files together: a rule set travels whole in one record of the topic rule-sets. */
    public static final int MAX_TOTAL_BYTES = 16 * 1024 * 1024;

    /**
     * The files that parsed, as DRL, and everything wrong with all of them; the set may run only
     * when there are no errors.
     */
    public record Checked(List<DrlSource> sources, List<CompileError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public Checked check(List<RuleFile> files) {
        List<DrlSource> sources = new ArrayList<>();
        List<CompileError> errors = new ArrayList<>();
        if (files.isEmpty()) {
            errors.add(new CompileError("", 0, 0, "a rule set needs at least one file"));
        }
        if (files.size() > MAX_FILES) {
            errors.add(new CompileError("", 0, 0, "a rule set may have at most " + MAX_FILES + " files; this one has "
                    + files.size()));
            return new Checked(sources, errors);
        }
        long total = files.stream().mapToLong(f -> f.content().length).sum();
        if (total > MAX_TOTAL_BYTES) {
            errors.add(new CompileError("", 0, 0, "a rule set may be at most " + MAX_TOTAL_BYTES / (1024 * 1024)
                    + " MiB in all; this one is " + total / 1024 + " KiB"));
            return new Checked(sources, errors);
        }
        Set<String> paths = new HashSet<>();
        for (RuleFile file : files) {
            if (!paths.add(file.path())) {
                errors.add(new CompileError(file.path(), 0, 0, "the rule set has two files of this name"));
                continue;
            }
            try {
                DrlSource source = read(file);
                DrlChecker.Report report = DrlChecker.check(file.path(), source.drl());
                if (report.parsed()) {
                    sources.add(source);
                }
                for (CompileError e : report.errors()) {
                    errors.add(source.kind().isDecisionTable()
                            ? new CompileError(e.file(), source.row(e.line()), 0, source.locate(e.line()) + e.message()) : e);
                }
            } catch (RuleFileException e) {
                errors.add(new CompileError(file.path(), 0, 0, e.getMessage()));
            }
        }
        return new Checked(sources, errors);
    }

    private static DrlSource read(RuleFile file) throws RuleFileException {
        String path = file.path();
        if (!validPath(path)) {
            throw new RuleFileException("a file name is letters, digits, '-', '_', '.' and '/' (no '..'), and ends"
                    + " in .drl, .drl.xlsx or .drl.csv");
        }
        RuleFileKind kind = RuleFileKind.of(path).orElseThrow(() -> new RuleFileException(
                "not a rule file: a rule set holds *.drl, *.drl.xlsx and *.drl.csv files"));
        if (kind.isDecisionTable()) {
            return new DrlSource(path, kind, DecisionTables.toDrl(kind, file.content()));
        }
        if (file.content().length > MAX_DRL_BYTES) {
            throw new RuleFileException("a DRL file may be at most " + MAX_DRL_BYTES / 1024 + " KiB; this one is "
                    + file.content().length + " bytes");
        }
        return new DrlSource(path, kind, utf8(file.content()));
    }

    private static boolean validPath(String path) {
        return path.matches("[A-Za-z0-9_\\-][A-Za-z0-9_\\-./]{0,199}") && !path.contains("..") && !path.contains("//");
    }

    private static String utf8(byte[] content) throws RuleFileException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new RuleFileException("a DRL file must be UTF-8 text");
        }
    }
}
