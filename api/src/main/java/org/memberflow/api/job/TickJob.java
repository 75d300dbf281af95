package org.memberflow.api.job;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.memberflow.engine.Topics;
import org.memberflow.engine.clock.TickRecord;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Wakes the engine for a time-based campaign: writes the tick {@code (job, date)} to every
 * partition of {@code engine-clock}, so that every stream task sweeps its members. The date is the
 * day of the scheduled fire time in the trigger's time zone (or the one asked for when run by
 * hand). Idempotent whoever fires it and however often: the engine sweeps a job and date once.
 */
@DisallowConcurrentExecution
public class TickJob extends QuartzJobBean {
    private static final Logger log = LoggerFactory.getLogger(TickJob.class);
    static final String DATE = "date";
    static final int MAX_REFIRES = 5;
    // Quartz creates jobs itself; Spring fills these fields (SpringBeanJobFactory).
    @Autowired
    private KafkaTemplate<String, byte[]> kafka;

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        String job = context.getJobDetail().getKey().getName();
        LocalDate date = dateOf(context);
        byte[] tick = Topics.ENGINE_CLOCK.valueSerde().serializer().serialize(null, new TickRecord(job, date));
        try {
            int partitions = kafka.partitionsFor(Topics.ENGINE_CLOCK.name()).size();
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                sends.add(kafka.send(Topics.ENGINE_CLOCK.name(), p, job, tick));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            // Which server fired which run: in a cluster, each fire time must show on one server only.
            log.info("tick {} {} written to {} partitions of engine-clock (fire time {}, scheduler {})", job, date,
                    partitions, context.getScheduledFireTime() == null ? null : context.getScheduledFireTime().toInstant(),
                    context.getScheduler().getSchedulerInstanceId());
        } catch (Exception e) {
            // A tick written twice is swept once.
            throw retryOrGiveUp(context, "tick " + job + " " + date, e);
        }
    }

    /**
     * The day a run is for: the one asked for (a run by hand), else the day of the scheduled fire
     * time (the original one, for a run recovered after a crash) in the time zone of the job's own
     * schedule, whatever trigger fired it (runs by hand and recoveries come through one-off ones).
     */
    static LocalDate dateOf(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        Object asked = data.get(DATE);
        if (asked instanceof String text && !text.isBlank()) {
            return LocalDate.parse(text);
        }
        Date fired = context.getScheduledFireTime() != null ? context.getScheduledFireTime() : context.getFireTime();
        if (data.containsKey(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS)) {
            fired = new Date(data.getLong(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS));
        }
        return LocalDate.ofInstant(fired.toInstant(), zoneOf(context));
    }

    static ZoneId zoneOf(JobExecutionContext context) throws JobExecutionException {
        try {
            Trigger own = context.getScheduler().getTrigger(
                    TriggerKey.triggerKey(context.getJobDetail().getKey().getName(), JobDefinitions.GROUP));
            return own instanceof CronTrigger cron ? cron.getTimeZone().toZoneId() : ZoneId.of(JobDefinitions.ZONE);
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        }
    }

    /**
     * A failed run is tried again a few times, waiting longer each time (Kafka or MySQL back from a
     * blip), then given up until its next schedule; never a tight loop.
     */
    static JobExecutionException retryOrGiveUp(JobExecutionContext context, String what, Exception cause) {
        int attempt = context.getRefireCount();
        if (attempt >= MAX_REFIRES) {
            return new JobExecutionException(what + " failed " + (attempt + 1) + " times; next try at the next"
                    + " schedule: " + cause.getMessage(), cause, false);
        }
        try {
            Thread.sleep(Duration.ofSeconds(2L << attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new JobExecutionException(what + " interrupted", e, false);
        }
        return new JobExecutionException(what + " failed; trying again: " + cause.getMessage(), cause, true);
    }
}
