package org.memberflow.api.importer;

import org.memberflow.engine.event.EventReader;
import org.memberflow.engine.event.InvalidEventException;

/**
 * Judges an event by exactly the contract the server and the engine apply ({@link EventReader}),
 * on exactly the bytes that will be sent, and names the column behind a refused field.
 */
final class EventContract {
    private final EventReader reader = new EventReader();

    void check(ImportEvent event) throws RowRejectedException {
        try {
            reader.read(reader.write(event.json()));
        } catch (InvalidEventException e) {
            throw new RowRejectedException(event.column(e.field()), e.reason());
        }
    }
}
