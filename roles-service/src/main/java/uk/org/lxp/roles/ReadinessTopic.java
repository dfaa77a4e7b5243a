package uk.org.lxp.roles;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A question a service settles with people who use services, carers, teams and partners before it creates a role:
 * the fifteen national topics shipped as reference data, and those an organisation adds for its own profiles.
 */
@Entity
@Table(name = "readiness_topic")
public class ReadinessTopic {

    @Id
    private UUID id;

    @Column(name = "owner_ods_code")
    private String ownerOdsCode;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String topic;

    @Column(name = "what_the_answer_covers", nullable = false)
    private String covers;

    /** National topics in the order of the shipped list, then an organisation's in the order it added them. */
    @Column(nullable = false)
    private int position;

    protected ReadinessTopic() {
    }

    /** An organisation's own topic; the national ones are loaded by migration. */
    public ReadinessTopic(String ownerOdsCode, String code, String topic, String covers, int position) {
        if (ownerOdsCode == null) {
            throw new IllegalArgumentException("The national topics are reference data; an added topic belongs to an organisation");
        }
        this.id = UUID.randomUUID();
        this.ownerOdsCode = ownerOdsCode;
        this.code = code;
        this.topic = topic;
        this.covers = covers;
        this.position = position;
    }

    public boolean isNational() {
        return ownerOdsCode == null;
    }

    public String ownerOdsCode() {
        return ownerOdsCode;
    }

    public String code() {
        return code;
    }

    public String topic() {
        return topic;
    }

    public String covers() {
        return covers;
    }
}
