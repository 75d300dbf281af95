package org.memberflow.api.delivery.webhook;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.memberflow.api.event.FieldError;
import org.memberflow.api.paging.Page;
import org.memberflow.api.problem.ConflictException;
import org.memberflow.api.problem.InvalidParameterException;
import org.memberflow.api.problem.InvalidRequestException;
import org.memberflow.api.problem.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/webhooks}: the endpoints that receive delivered actions, and their deliveries
 * (pending, delivered, dead), with a retry for the dead ones. The secret is shown once, when the
 * webhook is created.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {
    private static final List<String> STATUSES = List.of("PENDING", "DELIVERED", "DEAD", "CANCELLED");
    private final WebhookMapper mapper;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WebhookController(WebhookMapper mapper, TransactionTemplate transaction, Clock clock) {
        this.mapper = mapper;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @param secret optional: 16 to 128 characters; the server makes one when it is left out */
    record NewWebhook(String url, String campaignId, String secret) {
    }

    /** A webhook as listed: without its secret. */
    record WebhookView(long webhookId, String url, String campaignId, boolean active, Instant createdAt) {
        static WebhookView of(Webhook w) {
            return new WebhookView(w.webhookId(), w.url(), w.campaignId(), w.active(), w.createdAt());
        }
    }

    /** The answer to a creation: the webhook and its secret, this once. */
    record CreatedWebhook(long webhookId, String url, String campaignId, boolean active, Instant createdAt,
            String secret) {
    }

    @GetMapping
    List<WebhookView> list() {
        return mapper.findAll().stream().map(WebhookView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedWebhook create(@RequestBody NewWebhook body, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store"); // the secret, shown this once
        List<FieldError> errors = new ArrayList<>();
        if (body.url() == null || body.url().isBlank()) {
            errors.add(new FieldError("/url", "is required"));
        } else if (body.url().length() > 2048) {
            errors.add(new FieldError("/url", "must be at most 2048 characters"));
        } else if (!isHttpUrl(body.url())) {
            errors.add(new FieldError("/url", "must be an absolute http or https URL with a host"));
        }
        if (body.campaignId() != null && (body.campaignId().isBlank() || body.campaignId().length() > 64)) {
            errors.add(new FieldError("/campaignId", "must be 1 to 64 characters, or left out for every campaign"));
        }
        if (body.secret() != null && (body.secret().length() < 16 || body.secret().length() > 128)) {
            errors.add(new FieldError("/secret", "must be 16 to 128 characters, or left out for one made by the server"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        WebhookMapper.WebhookRow row = new WebhookMapper.WebhookRow();
        row.url = body.url();
        row.campaignId = body.campaignId();
        row.secret = body.secret() != null ? body.secret() : newSecret();
        mapper.insert(row);
        Webhook w = find(row.webhookId);
        return new CreatedWebhook(w.webhookId(), w.url(), w.campaignId(), w.active(), w.createdAt(), w.secret());
    }

    @GetMapping("/{webhookId}")
    WebhookView get(@PathVariable long webhookId) {
        return WebhookView.of(find(webhookId));
    }

    /** Stops sending to the webhook: its pending deliveries become CANCELLED; all stay visible. */
    @DeleteMapping("/{webhookId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@PathVariable long webhookId) {
        find(webhookId);
        transaction.executeWithoutResult(s -> {
            mapper.setActive(webhookId, false);
            mapper.cancelPending(webhookId);
        });
    }

    @GetMapping("/deliveries")
    Page<WebhookDelivery> deliveries(@RequestParam(required = false) String status,
            @RequestParam(required = false) Long webhookId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Page.check(page, size);
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidParameterException("status", "must be one of " + STATUSES);
        }
        return new Page<>(mapper.findDeliveries(status, webhookId, (long) page * size, size), page, size,
                mapper.countDeliveries(status, webhookId));
    }

    @GetMapping("/deliveries/{deliveryId}")
    WebhookDelivery delivery(@PathVariable long deliveryId) {
        return findDelivery(deliveryId);
    }

    /**
     * Sends a DEAD delivery again (now, or when the action's quiet hours end), its attempts counted
     * afresh. Anything else is a 409: a PENDING one is already on its way, a DELIVERED one arrived,
     * a CANCELLED one belongs to a removed webhook.
     */
    @PostMapping("/deliveries/{deliveryId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    WebhookDelivery retry(@PathVariable long deliveryId) {
        WebhookDelivery delivery = findDelivery(deliveryId);
        if (mapper.retry(deliveryId, clock.instant()) == 0) {
            throw new ConflictException("not-dead", "delivery " + deliveryId + " is " + delivery.status()
                    + "; only a DEAD delivery of an active webhook can be retried");
        }
        return findDelivery(deliveryId);
    }

    private Webhook find(long webhookId) {
        Webhook w = mapper.findById(webhookId);
        if (w == null) {
            throw new NotFoundException("webhook", "no webhook " + webhookId);
        }
        return w;
    }

    private WebhookDelivery findDelivery(long deliveryId) {
        WebhookDelivery d = mapper.findDelivery(deliveryId);
        if (d == null) {
            throw new NotFoundException("webhook-delivery", "no webhook delivery " + deliveryId);
        }
        return d;
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
