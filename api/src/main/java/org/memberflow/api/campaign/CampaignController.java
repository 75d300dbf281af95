package org.memberflow.api.campaign;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.memberflow.api.event.FieldError;
import org.memberflow.api.paging.Page;
import org.memberflow.api.problem.InvalidParameterException;
import org.memberflow.api.problem.InvalidRequestException;
import org.memberflow.api.problem.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/campaigns}: the limits of each campaign (by the {@code campaignId} its rules
 * decide under): budget, cap per member, holdout, quiet hours, status; and its results. A PUT
 * creates or replaces the settings; what the campaign spent is kept.
 */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {
    static final int MAX_DAYS = 3650;
    private final CampaignMapper mapper;
    private final CampaignReport report;

    CampaignController(CampaignMapper mapper, CampaignReport report) {
        this.mapper = mapper;
        this.report = report;
    }

    record Budget(Long count, BigDecimal value) {
    }

    record Cap(Integer count, Integer periodDays) {
    }

    record Quiet(LocalTime start, LocalTime end, QuietPolicy policy) {
    }

    /**
     * The body of a PUT; left-out limits are none, a left-out status is ACTIVE. The read-only
     * fields of a GET may come along (a GET, edited, PUT back) and are ignored.
     */
    @JsonIgnoreProperties({"campaignId", "spent", "createdAt", "updatedAt"})
    record Settings(String name, CampaignStatus status, Budget budget, Cap cap, BigDecimal holdoutPercent, Quiet quietHours,
            Integer conversionDays) {
    }

    /** @param spent what its delivered actions spent since the campaign was created here */
    record View(String campaignId, String name, CampaignStatus status, Budget budget, CampaignResults.Spent spent, Cap cap,
            BigDecimal holdoutPercent, Quiet quietHours, int conversionDays, Instant createdAt, Instant updatedAt) {
        static View of(Campaign c) {
            return new View(c.campaignId(), c.name(), c.status(),
                    c.hasBudget() ? new Budget(c.budgetCount(), c.budgetValue()) : null,
                    new CampaignResults.Spent(c.spentCount(), c.spentValue()),
                    c.capCount() == null ? null : new Cap(c.capCount(), c.capPeriodDays()), c.holdoutPercent(),
                    c.quietStart() == null ? null : new Quiet(c.quietStart(), c.quietEnd(), c.quietPolicy()),
                    c.conversionDays(), c.createdAt(), c.updatedAt());
        }
    }

    @GetMapping
    Page<View> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Page.check(page, size);
        return new Page<>(mapper.findPage((long) page * size, size).stream().map(View::of).toList(), page, size,
                mapper.count());
    }

    @GetMapping("/{campaignId}")
    View get(@PathVariable String campaignId) {
        return View.of(find(campaignId));
    }

    @PutMapping("/{campaignId}")
    ResponseEntity<View> put(@PathVariable String campaignId, @RequestBody Settings body) {
        CampaignIds.check(campaignId);
        validate(body);
        boolean created = mapper.findById(campaignId) == null;
        Budget budget = body.budget() == null ? new Budget(null, null) : body.budget();
        Cap cap = body.cap() == null ? new Cap(null, null) : body.cap();
        Quiet quiet = body.quietHours() == null ? new Quiet(null, null, null) : body.quietHours();
        mapper.upsert(new Campaign(campaignId, body.name(), body.status() == null ? CampaignStatus.ACTIVE : body.status(),
                budget.count(), budget.value(), 0, BigDecimal.ZERO, cap.count(), cap.periodDays(),
                body.holdoutPercent() == null ? BigDecimal.ZERO : body.holdoutPercent(), quiet.start(), quiet.end(),
                quiet.start() == null ? null : (quiet.policy() == null ? QuietPolicy.DEFER : quiet.policy()),
                body.conversionDays() == null ? 7 : body.conversionDays(), null, null));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(View.of(find(campaignId)));
    }

    /** @param conversionDays the window of a conversion; the campaign's own when left out */
    @GetMapping("/{campaignId}/results")
    CampaignResults results(@PathVariable String campaignId, @RequestParam(required = false) Integer conversionDays) {
        CampaignIds.check(campaignId);
        if (conversionDays != null && (conversionDays < 1 || conversionDays > MAX_DAYS)) {
            throw new InvalidParameterException("conversionDays", "must be between 1 and " + MAX_DAYS);
        }
        return report.of(campaignId, mapper.findById(campaignId), conversionDays);
    }

    private Campaign find(String campaignId) {
        CampaignIds.check(campaignId);
        Campaign c = mapper.findById(campaignId);
        if (c == null) {
            throw new NotFoundException("campaign", "no campaign " + campaignId);
        }
        return c;
    }

    private static void validate(Settings s) {
        List<FieldError> errors = new ArrayList<>();
        if (s.name() == null || s.name().isBlank()) {
            errors.add(new FieldError("/name", "is required"));
        } else if (s.name().length() > 255) {
            errors.add(new FieldError("/name", "must be at most 255 characters"));
        }
        if (s.budget() != null) {
            if (s.budget().count() == null && s.budget().value() == null) {
                errors.add(new FieldError("/budget", "needs a count, a value or both; leave budget out for none"));
            }
            if (s.budget().count() != null && s.budget().count() < 0) {
                errors.add(new FieldError("/budget/count", "must be 0 or more"));
            }
            checkMoney(s.budget().value(), "/budget/value", Campaign.MAX_AMOUNT, errors);
        }
        if (s.cap() != null) {
            if (s.cap().count() == null || s.cap().count() < 1) {
                errors.add(new FieldError("/cap/count", "is required, 1 or more"));
            }
            if (s.cap().periodDays() == null || s.cap().periodDays() < 1 || s.cap().periodDays() > MAX_DAYS) {
                errors.add(new FieldError("/cap/periodDays", "is required, between 1 and " + MAX_DAYS));
            }
        }
        checkMoney(s.holdoutPercent(), "/holdoutPercent", new BigDecimal("100"), errors);
        if (s.quietHours() != null) {
            if (s.quietHours().start() == null) {
                errors.add(new FieldError("/quietHours/start", "is required (HH:mm)"));
            }
            if (s.quietHours().end() == null) {
                errors.add(new FieldError("/quietHours/end", "is required (HH:mm)"));
            } else if (s.quietHours().end().equals(s.quietHours().start())) {
                errors.add(new FieldError("/quietHours/end", "must differ from start"));
            }
        }
        if (s.conversionDays() != null && (s.conversionDays() < 1 || s.conversionDays() > MAX_DAYS)) {
            errors.add(new FieldError("/conversionDays", "must be between 1 and " + MAX_DAYS));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** A non-negative amount with at most 2 decimals, up to {@code max}. */
    private static void checkMoney(BigDecimal v, String pointer, BigDecimal max, List<FieldError> errors) {
        if (v == null) {
            return;
        }
        if (v.signum() < 0 || v.compareTo(max) > 0) {
            errors.add(new FieldError(pointer, "must be between 0 and " + max.toPlainString()));
        } else if (v.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(pointer, "must have at most 2 decimals"));
        }
    }
}
