package db.migration;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import uk.org.lxp.api.persistence.ReferenceCsv;

/** Loads the fifteen national readiness topics; organisations add their own through the API. */
public class V10__Load_readiness_topics extends BaseJavaMigration {

    private static final String RESOURCE = "reference/role-development-questions.csv";
    private static final String HEADER = "code,topic,what_the_answer_covers";

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "INSERT INTO readiness_topic (id, owner_ods_code, code, topic, what_the_answer_covers, position)"
                        + " VALUES (?, NULL, ?, ?, ?, ?)")) {
            int position = 0;
            for (String[] cells : ReferenceCsv.rows(RESOURCE, HEADER)) {
                insert.setObject(1, UUID.nameUUIDFromBytes(("readiness-topic:" + cells[0]).getBytes(StandardCharsets.UTF_8)));
                insert.setString(2, cells[0].strip());
                insert.setString(3, cells[1].strip());
                insert.setString(4, cells[2].strip());
                insert.setInt(5, ++position);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
