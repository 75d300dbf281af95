package org.memberflow.api.ruleset;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.memberflow.api.problem.ConflictException;
import org.memberflow.api.problem.NotFoundException;
import org.memberflow.rules.session.CompiledRuleSet;
import org.memberflow.rules.session.RuleFile;
import org.memberflow.rules.session.RuleSetCompiler;
import org.memberflow.rules.session.RuleSetRejectedException;
import org.memberflow.rules.version.RuleSetDiff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rule-set catalogue: versions in MySQL with an audit row for every change, the active one
 * published on {@code rule-sets}. Nothing is stored or published that does not compile here;
 * compiling happens outside the transactions, which only hold the rows they write.
 */
@Service
public class RuleSetCatalog {
    private final RuleSetMapper mapper;
    private final RuleSetPublisher publisher;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RuleSetCatalog(RuleSetMapper mapper, RuleSetPublisher publisher, TransactionTemplate transactions, Clock clock) {
        this.mapper = mapper;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Checks and compiles the files; stores nothing. */
    public CompiledRuleSet validate(String name, List<RuleFile> files) throws RuleSetRejectedException {
        return new RuleSetCompiler().compile(name, "validate", files);
    }

    /**
     * Stores the files as a new draft version once they compile. The same name and files as an
     * existing version give that version back, not a copy.
     */
    public Uploaded upload(String name, String author, String comment, List<RuleFile> files)
            throws RuleSetRejectedException {
        validate(name, files);
        String checksum = RuleFile.checksum(files);
        return transactions.execute(tx -> {
            mapper.lockHead();
            int version = mapper.nextVersion();
            RuleSetVersion same = mapper.findByChecksum(name, checksum);
            if (same != null) {
                return new Uploaded(same, false);
            }
            Instant now = now();
            RuleSetVersion draft = new RuleSetVersion(version, name, checksum, author, comment, RuleSetStatus.DRAFT,
                    now, null);
            mapper.insertVersion(draft);
            files.forEach(f -> mapper.insertFile(version, f));
            mapper.insertAudit(version, RuleSetAudit.UPLOADED, author, comment, now);
            return new Uploaded(draft, true);
        });
    }

    /** A version stored by {@link #upload}; {@code created} is false when the files were known. */
    public record Uploaded(RuleSetVersion version, boolean created) {
    }

    /**
     * Makes {@code version} the active one: compiled again here (this server's vocabulary may be
     * newer than the upload's), marked active, the old one retired, both audited, and published
     * for the engines before the transaction commits. Activating the active version changes
     * nothing.
     */
    public RuleSetVersion activate(int version, String actor, String comment) throws RuleSetRejectedException {
        return activate(version, actor, comment, null);
    }

    /** @param expectedActive the version that must still be active, checked under the lock; null: any */
    private RuleSetVersion activate(int version, String actor, String comment, Integer expectedActive)
            throws RuleSetRejectedException {
        RuleSetVersion target = get(version);
        List<RuleFile> files = mapper.findFiles(version);
        new RuleSetCompiler().compile(target.name(), Integer.toString(version), files);
        return transactions.execute(tx -> {
            Integer current = mapper.lockHead();
            if (expectedActive != null && !expectedActive.equals(current)) {
                throw new ConflictException("active-version-changed", "version " + current + " is active, not "
                        + expectedActive + ": nothing changed");
            }
            if (current != null && current == version) {
                return target;
            }
            Instant now = now();
            if (current != null) {
                mapper.retireActive();
                mapper.insertAudit(current, RuleSetAudit.RETIRED, actor, "replaced by version " + version, now);
            }
            mapper.markActive(version, now);
            mapper.setHead(version);
            mapper.insertAudit(version, RuleSetAudit.ACTIVATED, actor, comment, now);
            RuleSetVersion active = mapper.findVersion(version);
            // Inside the transaction: when Kafka refuses, the catalogue does not change either.
            publisher.publish(active, files, actor, now);
            return active;
        });
    }

    /** Activates the version that was active before the current one. */
    public RuleSetVersion rollback(String actor, String comment) throws RuleSetRejectedException {
        return rollback(null, actor, comment);
    }

    /**
     * Activates the version that was active before the current one, if {@code from} is still the
     * active version (checked under the catalogue's lock): a second click, or a page read before
     * someone else's change, is a {@link ConflictException} and changes nothing, rather than a
     * roll back of the roll back. {@code from} null: whichever is active.
     */
    public RuleSetVersion rollback(Integer from, String actor, String comment) throws RuleSetRejectedException {
        RuleSetVersion previous = previouslyActive();
        if (previous == null) {
            throw new NotFoundException("previous-rule-set", "no version was active before the current one");
        }
        return activate(previous.version(), actor, comment.isBlank() ? "rollback" : comment, from);
    }

    /** The version a rollback would activate now, or null when none was active before the current one. */
    public RuleSetVersion previouslyActive() {
        return mapper.findPreviouslyActive();
    }

    /**
     * On a first start: stores the built-in campaigns as version 1, active. Under the catalogue's
     * lock, so that servers starting together seed it once.
     */
    void seed(String name, List<RuleFile> builtIn) {
        transactions.executeWithoutResult(tx -> {
            if (mapper.lockHead() != null || mapper.count() > 0) {
                return;
            }
            Instant now = now();
            String comment = "the campaigns MemberFlow ships with";
            mapper.insertVersion(new RuleSetVersion(1, name, RuleFile.checksum(builtIn), "memberflow", comment,
                    RuleSetStatus.ACTIVE, now, now));
            builtIn.forEach(f -> mapper.insertFile(1, f));
            mapper.setHead(1);
            mapper.insertAudit(1, RuleSetAudit.SEEDED, "memberflow", comment, now);
        });
    }

    /**
     * Publishes the active version again, so that the topic agrees with the catalogue: on start
     * (a new Kafka cluster, a topic deleted by hand) and whenever an activation's publication and
     * its commit went different ways. Under the same lock as an activation, so it cannot publish
     * a version that another server is replacing.
     */
    void republishActive() {
        transactions.executeWithoutResult(tx -> {
            Integer current = mapper.lockHead();
            if (current != null) {
                RuleSetVersion active = mapper.findVersion(current);
                publisher.publish(active, mapper.findFiles(current), "memberflow", active.activatedAt());
            }
        });
    }

    public RuleSetVersion get(int version) {
        return find(version).orElseThrow(() -> new NotFoundException("rule-set", "no rule-set version " + version));
    }

    public Optional<RuleSetVersion> find(int version) {
        return Optional.ofNullable(mapper.findVersion(version));
    }

    public RuleSetVersion active() {
        RuleSetVersion found = mapper.findActive();
        if (found == null) {
            throw new NotFoundException("rule-set", "no rule-set version is active");
        }
        return found;
    }

    public List<RuleFile> files(int version) {
        get(version);
        return mapper.findFiles(version);
    }

    public List<RuleSetVersion.FileSize> fileSizes(int version) {
        return mapper.findFileSizes(version);
    }

    public RuleFile file(int version, String path) {
        RuleFile file = mapper.findFile(version, path);
        if (file == null) {
            get(version);
            throw new NotFoundException("rule-file", "version " + version + " has no file " + path);
        }
        return file;
    }

    public List<RuleSetVersion> page(int offset, int limit) {
        return mapper.findPage(offset, limit);
    }

    public int count() {
        return mapper.count();
    }

    public List<RuleSetAudit> audit(int offset, int limit) {
        return mapper.findAudit(offset, limit);
    }

    public List<RuleSetDiff.FileDiff> diff(int from, int to) {
        return RuleSetDiff.between(files(from), files(to));
    }

    private Instant now() {
        // MySQL keeps milliseconds: what is returned is what a later read gives back.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
