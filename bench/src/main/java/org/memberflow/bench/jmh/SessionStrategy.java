package org.memberflow.bench.jmh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.command.Command;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.command.CommandFactory;
import org.memberflow.rules.decision.DecisionRecorder;
import org.memberflow.rules.session.CompiledRuleSet;
import org.memberflow.rules.session.PendingSegment;
import org.memberflow.rules.session.RuleOutcome;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.rules.session.Rules;

/**
 * The ways of running one unit of work that the engine could use, compared by
 * {@link SessionStrategyBenchmark}. {@code runner} is the engine's own {@link RuleRunner}; the
 * others are the alternatives it was chosen against. Firing limits are left out of the
 * alternatives: they cost the same in each. The alternatives insert the Segment fact at once, of
 * the thresholds' class, and fire once; the runner fires the classification table first, then
 * inserts the Segment of the class it gave and fires again, so NEW_SESSION against RUNNER also
 * shows what the two passes cost.
 */
enum SessionStrategy {
    /** What the engine does ({@link RuleRunner}). */
    RUNNER {
        @Override
        Rules over(CompiledRuleSet ruleSet) {
            return new RuleRunner(ruleSet, 100);
        }
    },
    /** The engine's runner with its sessions reset after each unit, as before it kept them. */
    RUNNER_RESET {
        @Override
        Rules over(CompiledRuleSet ruleSet) {
            return new RuleRunner(ruleSet, 100, false);
        }
    },
    /** A new {@code KieSession} per unit of work, disposed after it. */
    NEW_SESSION {
        @Override
        Rules over(CompiledRuleSet ruleSet) {
            return run(ruleSet, facts -> {
                KieSession session = ruleSet.kieBase().newKieSession();
                try {
                    return fire(session, facts);
                } finally {
                    session.dispose();
                }
            });
        }
    },
    /** Sessions from a {@code KieSessionsPool}: dispose resets a session and puts it back. */
    POOLED {
        @Override
        Rules over(CompiledRuleSet ruleSet) {
            KieSessionsPool pool = ruleSet.kieBase().newKieSessionsPool(4);
            return run(ruleSet, facts -> {
                KieSession session = pool.newKieSession();
                try {
                    return fire(session, facts);
                } finally {
                    session.dispose();
                }
            });
        }
    },
    /** A {@code StatelessKieSession}: one batch of commands per unit of work. */
    STATELESS {
        @Override
        Rules over(CompiledRuleSet ruleSet) {
            StatelessKieSession session = ruleSet.kieBase().newStatelessKieSession();
            return run(ruleSet, facts -> {
                DecisionRecorder recorder = new DecisionRecorder();
                List<Command<?>> commands = new ArrayList<>();
                commands.add(CommandFactory.newSetGlobal(RuleRunner.DECISIONS_GLOBAL, recorder.decisions()));
                commands.add(CommandFactory.newInsertElements(resolved(facts)));
                commands.add(CommandFactory.newFireAllRules());
                session.addEventListener(recorder);
                try {
                    session.execute(CommandFactory.newBatchExecution(commands));
                } finally {
                    session.removeEventListener(recorder);
                }
                return new RuleOutcome(recorder.decisions().recorded(), 0, false, "jmh:0");
            });
        }
    },
    /** One session kept per thread: insert, fire, then delete every fact. */
    REUSED {
        @Override
        Rules over(CompiledRuleSet ruleSet) {
            KieBase kieBase = ruleSet.kieBase();
            ThreadLocal<KieSession> sessions = ThreadLocal.withInitial(kieBase::newKieSession);
            return run(ruleSet, facts -> {
                KieSession session = sessions.get();
                try {
                    return fire(session, facts);
                } finally {
                    new ArrayList<FactHandle>(session.getFactHandles()).forEach(session::delete);
                }
            });
        }
    };

    abstract Rules over(CompiledRuleSet ruleSet);

    private static RuleOutcome fire(KieSession session, Collection<?> facts) {
        DecisionRecorder recorder = new DecisionRecorder();
        session.setGlobal(RuleRunner.DECISIONS_GLOBAL, recorder.decisions());
        session.addEventListener(recorder);
        try {
            resolved(facts).forEach(session::insert);
            int fired = session.fireAllRules();
            return new RuleOutcome(recorder.decisions().recorded(), fired, false, "jmh:0");
        } finally {
            session.removeEventListener(recorder);
        }
    }

    /** The facts with the pending Segment made at once, of the thresholds' class. */
    private static List<Object> resolved(Collection<?> facts) {
        List<Object> resolved = new ArrayList<>(facts.size());
        for (Object fact : facts) {
            resolved.add(fact instanceof PendingSegment p ? p.classifiedAs(p.defaultClass()) : fact);
        }
        return resolved;
    }

    private static Rules run(CompiledRuleSet ruleSet, java.util.function.Function<Collection<?>, RuleOutcome> body) {
        return new Rules() {
            @Override
            public RuleOutcome evaluate(Collection<?> facts) {
                return body.apply(facts);
            }

            @Override
            public String version() {
                return ruleSet.name() + ":" + ruleSet.version();
            }
        };
    }
}
