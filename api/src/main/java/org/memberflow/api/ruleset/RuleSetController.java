package org.memberflow.api.ruleset;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.memberflow.api.event.FieldError;
import org.memberflow.api.paging.Page;
import org.memberflow.api.problem.InvalidRequestException;
import org.memberflow.engine.simulate.Explanation;
import org.memberflow.engine.simulate.Simulation;
import org.memberflow.rules.session.CompiledRuleSet;
import org.memberflow.rules.session.RuleFile;
import org.memberflow.rules.session.RuleSetRejectedException;
import org.memberflow.rules.version.RuleSetDiff;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/rulesets}: the rule-set lifecycle. Upload (JSON or multipart) stores a draft
 * that compiled; activate publishes it to every engine instance; rollback activates the version
 * active before; validate compiles without storing; diff compares two versions.
 */
@RestController
@RequestMapping("/api/v1/rulesets")
class RuleSetController {
    private final RuleSetCatalog catalog;
    private final RuleSetSimulator simulator;
    private final RuleSetExplainer explainer;

    RuleSetController(RuleSetCatalog catalog, RuleSetSimulator simulator, RuleSetExplainer explainer) {
        this.catalog = catalog;
        this.simulator = simulator;
        this.explainer = explainer;
    }

    @GetMapping
    Page<RuleSetVersion> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Page.check(page, size);
        return new Page<>(catalog.page(page * size, size), page, size, catalog.count());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Detail> upload(@RequestBody RuleSetUpload.Json body) throws RuleSetRejectedException {
        return store(RuleSetUpload.of(body));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Detail> upload(@RequestParam(required = false) String name,
            @RequestParam(required = false) String author, @RequestParam(required = false) String comment,
            @RequestParam(required = false) Integer base, @RequestParam(required = false) List<String> remove,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) throws RuleSetRejectedException {
        return store(RuleSetUpload.of(name, author, comment, base, RuleFileParts.read(files), remove == null ? List.of() : remove));
    }

    @PostMapping(path = "/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    Validated validate(@RequestBody RuleSetUpload.Json body) throws RuleSetRejectedException {
        return validate(RuleSetUpload.of(body));
    }

    @PostMapping(path = "/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Validated validate(@RequestParam(required = false) String name, @RequestParam(required = false) String author,
            @RequestParam(required = false) Integer base, @RequestParam(required = false) List<String> remove,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) throws RuleSetRejectedException {
        return validate(RuleSetUpload.of(name, author, "", base, RuleFileParts.read(files), remove == null ? List.of() : remove));
    }

    @GetMapping("/active")
    Detail active() {
        return detail(catalog.active());
    }

    @GetMapping("/audit")
    List<RuleSetAudit> audit(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Page.check(page, size);
        return catalog.audit(page * size, size);
    }

    @GetMapping("/{version}")
    Detail get(@PathVariable int version) {
        return detail(catalog.get(version));
    }

    /** One file as it was uploaded, to download, edit and upload again. */
    @GetMapping("/{version}/file")
    ResponseEntity<byte[]> file(@PathVariable int version, @RequestParam String path) {
        return RuleFileDownload.of(catalog.file(version, path));
    }

    /** What changed from {@code against} (the active version unless given) to {@code version}. */
    @GetMapping("/{version}/diff")
    Diff diff(@PathVariable int version, @RequestParam(required = false) Integer against) {
        int from = against != null ? against : catalog.active().version();
        return new Diff(from, version, catalog.diff(from, version));
    }

    /** What {@code version} would decide for some members, beside the active version; emits nothing. */
    @PostMapping(path = "/{version}/simulate", consumes = MediaType.APPLICATION_JSON_VALUE)
    Simulation simulate(@PathVariable int version, @RequestBody RuleSetSimulator.Request body)
            throws RuleSetRejectedException {
        return simulator.simulate(version, body);
    }

    /** For one member: which rules of {@code version} fire, what they decide, and why the others do not. */
    @PostMapping(path = "/{version}/explain", consumes = MediaType.APPLICATION_JSON_VALUE)
    Explanation explain(@PathVariable int version, @RequestBody RuleSetExplainer.Request body)
            throws RuleSetRejectedException {
        return explainer.explain(version, body);
    }

    @PostMapping(path = "/{version}/activate", consumes = MediaType.APPLICATION_JSON_VALUE)
    Detail activate(@PathVariable int version, @RequestBody Change body) throws RuleSetRejectedException {
        Change change = Change.checked(body);
        return detail(catalog.activate(version, change.author(), change.comment()));
    }

    @PostMapping(path = "/rollback", consumes = MediaType.APPLICATION_JSON_VALUE)
    Detail rollback(@RequestBody Change body) throws RuleSetRejectedException {
        Change change = Change.checked(body);
        return detail(catalog.rollback(change.author(), change.comment()));
    }

    private ResponseEntity<Detail> store(RuleSetUpload upload) throws RuleSetRejectedException {
        RuleSetCatalog.Uploaded stored = catalog.upload(upload.name(), upload.author(), upload.comment(),
                upload.resolve(catalog));
        Detail detail = detail(stored.version());
        URI location = URI.create("/api/v1/rulesets/" + stored.version().version());
        return stored.created() ? ResponseEntity.created(location).body(detail)
                : ResponseEntity.ok().location(location).body(detail);
    }

    private Validated validate(RuleSetUpload upload) throws RuleSetRejectedException {
        List<RuleFile> files = upload.resolve(catalog);
        CompiledRuleSet compiled = catalog.validate(upload.name(), files);
        return new Validated(true, files.stream().map(RuleFile::path).toList(), compiled.ruleNames());
    }

    private Detail detail(RuleSetVersion v) {
        List<RuleSetVersion.FileSize> files = catalog.fileSizes(v.version());
        return new Detail(v.version(), v.name(), v.label(), v.status(), v.author(), v.comment(), v.checksum(),
                v.createdAt(), v.activatedAt(), files);
    }

    record Detail(int version, String name, String label, RuleSetStatus status, String author, String comment,
            String checksum, Instant createdAt, Instant activatedAt, List<RuleSetVersion.FileSize> files) {
    }

    record Validated(boolean valid, List<String> files, List<String> rules) {
    }

    record Diff(int from, int to, List<RuleSetDiff.FileDiff> files) {
    }

    /** Who activates or rolls back, and why. */
    record Change(String author, String comment) {
        static Change checked(Change body) {
            List<FieldError> errors = new ArrayList<>();
            RuleSetUpload.requireActor(body == null ? null : body.author(), "/author", errors);
            String comment = body == null || body.comment() == null ? "" : body.comment();
            if (comment.length() > RuleSetUpload.MAX_COMMENT) {
                errors.add(new FieldError("/comment", "must be at most " + RuleSetUpload.MAX_COMMENT + " characters"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
            return new Change(body.author(), comment);
        }
    }
}
