package org.memberflow.api.ruleset;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.memberflow.engine.ruleset.RuleSetActivator;
import org.memberflow.rules.session.RuleFile;

/** For tests in other packages: a rule set of the built-in files plus one of the test's, made active. */
public final class TestRuleSets {
    private TestRuleSets() {
    }

    /** Uploads the built-in files with {@code path} added, activates it, and waits until the engine runs it. */
    public static int activateWithBuiltIns(RuleSetCatalog catalog, RuleSetActivator activator, String name, String path,
            String drl) throws Exception {
        List<RuleFile> files = new ArrayList<>(catalog.files(1));
        files.add(new RuleFile(path, drl.getBytes(StandardCharsets.UTF_8)));
        int version = catalog.upload(name, "test", "", files).version().version();
        catalog.activate(version, "test", "test campaigns");
        await().atMost(Duration.ofSeconds(60)).until(() -> activator.status().active().equals(name + ":" + version));
        return version;
    }

    /** The built-in set with the delivery tests' campaigns (resources/rulesets/delivery-test.drl). */
    public static int activateDeliveryTestCampaigns(RuleSetCatalog catalog, RuleSetActivator activator) throws Exception {
        try (var in = TestRuleSets.class.getResourceAsStream("/rulesets/delivery-test.drl")) {
            return activateWithBuiltIns(catalog, activator, "delivery-test", "delivery-test.drl",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    public static void restoreBuiltIns(RuleSetCatalog catalog, RuleSetActivator activator) throws Exception {
        BuiltInRuleSetRestored.restore(catalog, activator);
    }
}
