package org.memberflow.rules.session;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles DRL files and decision tables into a {@link CompiledRuleSet} with the executable
 * model. Every error is reported with its file, line and column.
 */
public final class RuleSetCompiler {
    private static final String RESOURCES = "src/main/resources/";
    private final KieServices kieServices = KieServices.Factory.get();

    public CompiledRuleSet compile(String name, String version, List<RuleFile> files) throws RuleSetRejectedException {
        if (files.isEmpty()) {
            throw new RuleSetRejectedException(List.of(new CompileError("", 0, 0, "a rule set needs at least one file")));
        }
        // A unique release id per build: the KieRepository is global and must not mix versions.
        ReleaseId releaseId = kieServices.newReleaseId("org.memberflow.rulesets", name, version + "-" + UUID.randomUUID());
        KieFileSystem kfs = kieServices.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (RuleFile file : files) {
            kfs.write(RESOURCES + file.path(), file.content());
        }
        KieBuilder builder = kieServices.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<CompileError> errors = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            errors.add(new CompileError(stripResources(m.getPath()), m.getLine(), m.getColumn(), m.getText()));
        }
        if (!errors.isEmpty()) {
            kieServices.getRepository().removeKieModule(releaseId);
            throw new RuleSetRejectedException(errors);
        }
        KieContainer container = kieServices.newKieContainer(releaseId);
        try {
            return new CompiledRuleSet(name, version, container.getKieBase());
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
