package org.memberflow.rules.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.memberflow.rules.check.DrlSource;
import org.memberflow.rules.check.RuleSetChecker;

/**
 * Compiles DRL files and decision tables into a {@link CompiledRuleSet} with the executable
 * model, after {@link RuleSetChecker} has read them and checked them for safety. Every error,
 * of the check and of the compiler, is reported with its file, line and column (for a decision
 * table, the generated rule, which names the row).
 */
public final class RuleSetCompiler {
    private static final String RESOURCES = "src/main/resources/";
    private final KieServices kieServices = KieServices.Factory.get();

    public CompiledRuleSet compile(String name, String version, List<RuleFile> files) throws RuleSetRejectedException {
        RuleSetChecker.Checked checked = new RuleSetChecker().check(files);
        if (!checked.ok()) {
            // Nothing the check refused is compiled: Drools pastes names and literals into Java.
            throw new RuleSetRejectedException(checked.errors());
        }
        // A unique release id per build: the KieRepository is global and must not mix versions.
        ReleaseId releaseId = kieServices.newReleaseId("org.memberflow.rulesets", name, version + "-" + UUID.randomUUID());
        KieFileSystem kfs = kieServices.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        Map<String, DrlSource> written = new HashMap<>();
        for (DrlSource source : checked.sources()) {
            // A decision table goes in as the DRL it generated, read within the checker's limits.
            String path = source.kind().isDecisionTable() ? source.path() + ".drl" : source.path();
            kfs.write(RESOURCES + path, source.drl().getBytes(StandardCharsets.UTF_8));
            written.put(path, source);
        }
        KieBuilder builder = kieServices.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<CompileError> errors = new ArrayList<>();
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        GeneratedCodeErrors generated = new GeneratedCodeErrors(messages, checked.sources());
        for (Message m : messages) {
            if (GeneratedCodeErrors.isSourceDump(m)) {
                continue;
            }
            DrlSource source = written.get(stripResources(m.getPath()));
            if (GeneratedCodeErrors.isGenerated(m)) {
                errors.add(generated.locate(m));
            } else if (source != null && source.kind().isDecisionTable()) {
                errors.add(new CompileError(source.path(), source.row(m.getLine()), 0, source.locate(m.getLine()) + m.getText()));
            } else {
                errors.add(new CompileError(stripResources(m.getPath()), m.getLine(), m.getColumn(), m.getText()));
            }
        }
        if (!errors.isEmpty()) {
            kieServices.getRepository().removeKieModule(releaseId);
            throw new RuleSetRejectedException(errors);
        }
        KieContainer container = kieServices.newKieContainer(releaseId);
        try {
            return new CompiledRuleSet(name, version, container.getKieBase(), ClassingRules.kieBase(container));
        } finally {
            kieServices.getRepository().removeKieModule(releaseId);
        }
    }

    private static String stripResources(String path) {
        if (path == null) {
            return "";
        }
        return path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path;
    }
}
