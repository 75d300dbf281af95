package org.memberflow.rules.session;

import java.util.List;
import org.drools.base.base.ObjectType;
import org.drools.base.rule.EntryPointId;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;

/**
 * Which facts a rule set can see at all: those of a class some pattern of its rules matches, read
 * from the network's object type nodes (a node with nothing below it serves no rule). A fact no
 * pattern matches changes nothing a session decides, so it is not inserted: inserting and deleting
 * a fact was a third of the daily sweep's stream threads, whatever the fact, and the built-in set
 * reads neither {@code Tick} nor {@code CampaignHistory}.
 */
final class VisibleFacts {
    private final List<ObjectType> matched;
    /** Per class, the fastest cache Java has: asked for every fact of every unit. */
    private final ClassValue<Boolean> visible = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return matched.stream().anyMatch(o -> o.isAssignableFrom(type));
        }
    };

    VisibleFacts(KieBase kieBase) {
        // A node with nothing below it is left where the rules of its type were removed.
        this.matched = ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes(EntryPointId.DEFAULT).values().stream()
                .filter(node -> node.getObjectSinkPropagator().getSinks().length > 0)
                .map(ObjectTypeNode::getObjectType)
                .toList();
    }

    /** Whether some rule has a pattern a fact of {@code type} matches. */
    boolean visible(Class<?> type) {
        return visible.get(type);
    }
}
