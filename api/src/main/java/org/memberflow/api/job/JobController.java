package org.memberflow.api.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.memberflow.api.event.FieldError;
import org.memberflow.api.problem.InvalidRequestException;
import org.memberflow.api.problem.NotFoundException;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/jobs}: the scheduled jobs, their cron and time zone (read and changed here,
 * stored in the clustered scheduler, so every server and every restart sees the change), and a
 * run by hand, optionally for another day.
 */
@RestController
@RequestMapping("/api/v1/jobs")
class JobController {
    private final Scheduler scheduler;
    private final TransactionTemplate transactions;

    /** Changes go through a transaction: the JDBC store takes its cluster locks inside one. */
    JobController(Scheduler scheduler, TransactionTemplate transactions) {
        this.scheduler = scheduler;
        this.transactions = transactions;
    }

    /** @param state NORMAL, PAUSED (memberflow.jobs.paused), BLOCKED (running now), ... as Quartz says */
    record Job(String name, String description, String cron, String timeZone, String state, String misfire,
            Instant nextFireAt, Instant previousFireAt) {
    }

    /** The body of a PUT; the read-only fields of a GET may come along and are ignored. */
    @JsonIgnoreProperties({"name", "description", "state", "misfire", "nextFireAt", "previousFireAt"})
    record Schedule(String cron, String timeZone) {
    }

    record Run(LocalDate date) {
    }

    @GetMapping
    List<Job> list() throws SchedulerException {
        List<Job> jobs = new ArrayList<>();
        for (JobDefinitions.Definition d : JobDefinitions.ALL) {
            jobs.add(job(d.name()));
        }
        return jobs;
    }

    @GetMapping("/{name}")
    Job get(@PathVariable String name) throws SchedulerException {
        return job(name);
    }

    /** Changes when the job runs; takes effect on every server at once. */
    @PutMapping("/{name}")
    Job reschedule(@PathVariable String name, @RequestBody Schedule body) throws SchedulerException, ParseException {
        CronTrigger current = trigger(name);
        List<FieldError> errors = new ArrayList<>();
        String cron = body == null ? null : body.cron();
        if (cron == null || !CronExpression.isValidExpression(cron)) {
            errors.add(new FieldError("/cron", "is not a Quartz cron expression (seconds minutes hours day-of-month"
                    + " month day-of-week), e.g. \"0 0 2 * * ?\""));
        } else if (new CronExpression(cron).getNextValidTimeAfter(new Date()) == null) {
            errors.add(new FieldError("/cron", "never fires"));
        }
        String zone = body == null || body.timeZone() == null ? current.getTimeZone().getID() : body.timeZone();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            errors.add(new FieldError("/timeZone", "is not a time zone: " + zone));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Trigger next = TriggerBuilder.newTrigger().withIdentity(current.getKey()).forJob(current.getJobKey())
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(ZoneId.of(zone)))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        inTransaction(() -> scheduler.rescheduleJob(current.getKey(), next));
        return job(name);
    }

    /** Runs the job now, for {@code date} if given (a tick for that day), else for today in its time zone. */
    @PostMapping("/{name}/run")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Job run(@PathVariable String name, @RequestBody(required = false) Run body) throws SchedulerException {
        trigger(name);
        JobDataMap data = new JobDataMap();
        if (body != null && body.date() != null) {
            data.put(TickJob.DATE, body.date().toString());
        }
        inTransaction(() -> scheduler.triggerJob(JobKey.jobKey(name, JobDefinitions.GROUP), data));
        return job(name);
    }

    private Job job(String name) throws SchedulerException {
        CronTrigger trigger = trigger(name);
        String description = scheduler.getJobDetail(trigger.getJobKey()).getDescription();
        return new Job(name, description, trigger.getCronExpression(), trigger.getTimeZone().getID(),
                scheduler.getTriggerState(trigger.getKey()).name(), "fire once as soon as a server is up, then keep the schedule", instant(trigger.getNextFireTime()),
                instant(trigger.getPreviousFireTime()));
    }

    private CronTrigger trigger(String name) throws SchedulerException {
        Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(name, JobDefinitions.GROUP));
        if (!(trigger instanceof CronTrigger cron)) {
            throw new NotFoundException("job", "no job " + name + "; the jobs are "
                    + JobDefinitions.ALL.stream().map(JobDefinitions.Definition::name).toList());
        }
        return cron;
    }

    private interface SchedulerCall {
        void run() throws SchedulerException;
    }

    private void inTransaction(SchedulerCall call) throws SchedulerException {
        try {
            transactions.executeWithoutResult(tx -> {
                try {
                    call.run();
                } catch (SchedulerException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SchedulerException se) {
                throw se;
            }
            throw e;
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
