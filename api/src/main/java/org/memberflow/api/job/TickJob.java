package org.memberflow.api.job;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.memberflow.engine.Topics;
import org.memberflow.engine.clock.TickRecord;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
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
    static final String DATE = "date";
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
        } catch (Exception e) {
            // Refired by Quartz; a tick written twice is swept once.
            throw new JobExecutionException("tick " + job + " " + date + " not written: " + e.getMessage(), e, true);
        }
    }

    static LocalDate dateOf(JobExecutionContext context) {
        Object asked = context.getMergedJobDataMap().get(DATE);
        if (asked instanceof String text && !text.isBlank()) {
            return LocalDate.parse(text);
        }
        TimeZone zone = context.getTrigger() instanceof CronTrigger cron ? cron.getTimeZone() : TimeZone.getTimeZone("UTC");
        Date fired = context.getScheduledFireTime() != null ? context.getScheduledFireTime() : context.getFireTime();
        return LocalDate.ofInstant(fired.toInstant(), ZoneId.of(zone.getID()));
    }
}
