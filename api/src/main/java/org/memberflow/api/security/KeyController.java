package org.memberflow.api.security;

import java.net.URI;
import org.memberflow.api.paging.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/keys}: API keys, for ADMIN keys only. A key's value is shown once, when issued. */
@RestController
@RequestMapping("/api/v1/keys")
class KeyController {
    private final ApiKeys keys;

    KeyController(ApiKeys keys) {
        this.keys = keys;
    }

    record NewKey(String name, Role role, Integer rateLimitPerSecond) {
    }

    /** The issued key with its value ({@code key}), which cannot be read again. */
    record IssuedKey(String id, String name, Role role, Integer rateLimitPerSecond, String key, String note) {
    }

    @PostMapping
    ResponseEntity<IssuedKey> issue(@RequestBody NewKey body) {
        ApiKeys.Issued issued = keys.issue(body.name(), body.role(), body.rateLimitPerSecond());
        ApiKey k = issued.key();
        return ResponseEntity.created(URI.create("/api/v1/keys/" + k.id())).cacheControl(CacheControl.noStore()).body(new IssuedKey(k.id(), k.name(),
                k.role(), k.rateLimitPerSecond(), issued.value(), "keep the key now: it is not stored and cannot be shown again"));
    }

    @GetMapping
    Page<ApiKey> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Page.check(page, size);
        return new Page<>(keys.page(page * size, size), page, size, keys.count());
    }

    @GetMapping("/{keyId}")
    ApiKey get(@PathVariable String keyId) {
        return keys.get(keyId);
    }

    /** Revokes the key at once on this server, within the key cache's time on the others. */
    @DeleteMapping("/{keyId}")
    ApiKey revoke(@PathVariable String keyId) {
        return keys.revoke(keyId);
    }
}
