package dev.orgpulse.projector.readmodel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row naming this read-model version and when a batch last changed it. */
@Entity
@Table(name = "read_model_status")
public class ReadModelStatus {

    static final int ID = 1;

    @Id
    private Integer id;

    private String version;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected ReadModelStatus() {
    }

    public String version() {
        return version;
    }

    void touch(Instant now) {
        updatedAt = now;
    }
}
