using Microsoft.EntityFrameworkCore;

namespace SocialEconomy.Web.Data;

/// <summary>
/// Replaces change stamps inside the save's transaction with one upsert each, so that a
/// government's stamp rows need no migration and no existence check: two first saves of the
/// same government cannot both insert (SQLite serialises writers and ON CONFLICT updates;
/// SQL Server's MERGE holds the key range with HOLDLOCK until the transaction ends).
/// </summary>
internal static class ChangeStampWriter
{
    private const string SqliteUpsert = """
        INSERT INTO "ChangeStamps" ("Name", "Token") VALUES ({0}, {1})
        ON CONFLICT ("Name") DO UPDATE SET "Token" = excluded."Token";
        """;

    private const string SqlServerUpsert = """
        MERGE [ChangeStamps] WITH (HOLDLOCK) AS t
        USING (SELECT {0} AS [Name], {1} AS [Token]) AS s ON t.[Name] = s.[Name]
        WHEN MATCHED THEN UPDATE SET [Token] = s.[Token]
        WHEN NOT MATCHED THEN INSERT ([Name], [Token]) VALUES (s.[Name], s.[Token]);
        """;

    public static void Replace(AppDbContext db, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            db.Database.ExecuteSqlRaw(Sql(db), Arguments(db, name));
        }
    }

    public static async Task ReplaceAsync(AppDbContext db, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        foreach (var name in names)
        {
            await db.Database.ExecuteSqlRawAsync(Sql(db), Arguments(db, name), cancellationToken);
        }
    }

    private static string Sql(AppDbContext db) => db.Database.IsSqlite() ? SqliteUpsert : SqlServerUpsert;

    // EF Core stores a Guid in SQLite as upper-case text; a raw Guid parameter would be a blob.
    private static object[] Arguments(AppDbContext db, string name)
    {
        var token = Guid.NewGuid();
        return [name, db.Database.IsSqlite() ? token.ToString().ToUpperInvariant() : token];
    }
}
