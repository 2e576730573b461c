using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SocialEconomy.Web.Data;

namespace SocialEconomy.IntegrationTests.Data;

/// <summary>
/// A SQLite file at the schema of a past migration, filled with raw SQL, to prove that the
/// migrations after it keep what a running portal already holds.
/// </summary>
internal static class OldDatabase
{
    /// <summary>The last migration before governments were data (commit 3cf37f0).</summary>
    public const string BeforeGovernments = "20261130214241_ResultsChangeStamp";

    public static SqliteAppDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={path}").Options);

    public static async Task MigrateAsync(string path, string? target = null)
    {
        await using var db = Open(path);
        await db.GetService<IMigrator>().MigrateAsync(target);
    }

    /// <summary>
    /// Copies every row of <paramref name="sourcePath"/> (a database at the latest schema, made
    /// by the app) into the tables of the old database, column by column where both have it.
    /// A department's organisation text, which the old schema had and the new one does not, is
    /// its government's short name: so the old database holds what the new one does, as it
    /// would have been stored then.
    /// </summary>
    public static async Task CopyAsync(string sourcePath, string oldPath)
    {
        await using var connection = new SqliteConnection($"Data Source={oldPath};Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA foreign_keys = OFF;");
        await ExecuteAsync(connection, $"ATTACH DATABASE '{sourcePath.Replace("'", "''", StringComparison.Ordinal)}' AS src;");
        foreach (var table in await TablesAsync(connection, "main"))
        {
            var sourceColumns = await ColumnsAsync(connection, "src", table);
            if (sourceColumns.Count == 0)
            {
                continue;
            }

            var shared = (await ColumnsAsync(connection, "main", table)).Where(sourceColumns.Contains).Select(c => $"\"{c}\"").ToList();
            var columns = string.Join(", ", shared);
            var values = string.Join(", ", shared.Select(c => $"s.{c}"));
            if (table == "Departments")
            {
                columns += ", \"Organization\"";
                values += ", (SELECT g.ShortName FROM src.LocalGovernments g WHERE g.Id = s.LocalGovernmentId)";
            }

            await ExecuteAsync(connection, $"DELETE FROM main.\"{table}\"; INSERT INTO main.\"{table}\" ({columns}) SELECT {values} FROM src.\"{table}\" s;");
        }

        await ExecuteAsync(connection, "DETACH DATABASE src;");
    }

    /// <summary>
    /// A consistent copy of the whole database, whatever is still in its write-ahead log (a
    /// file copy would miss what a pooled connection has not checkpointed).
    /// </summary>
    public static async Task CopyFileAsync(string path, string copyPath)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"VACUUM INTO '{copyPath.Replace("'", "''", StringComparison.Ordinal)}';");
    }

    /// <summary>Every row of every table but the migrations history, as text by column, in key order.</summary>
    public static async Task<Dictionary<string, List<Dictionary<string, string?>>>> RowsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var rows = new Dictionary<string, List<Dictionary<string, string?>>>(StringComparer.Ordinal);
        foreach (var table in await TablesAsync(connection, "main"))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1, 2";
            await using var reader = await command.ExecuteReaderAsync();
            var list = new List<Dictionary<string, string?>>();
            while (await reader.ReadAsync())
            {
                var row = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
                }

                list.Add(row);
            }

            rows[table] = list;
        }

        return rows;
    }

    public static async Task<List<string>> ForeignKeyViolationsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_key_check;";
        await using var reader = await command.ExecuteReaderAsync();
        var violations = new List<string>();
        while (await reader.ReadAsync())
        {
            violations.Add($"{reader.GetString(0)} row {reader.GetValue(1)} -> {reader.GetString(2)}");
        }

        return violations;
    }

    public static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> TablesAsync(SqliteConnection connection, string schema)
    {
        var tables = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{HistoryRepository.DefaultTableName}' ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task<HashSet<string>> ColumnsAsync(SqliteConnection connection, string schema, string table)
    {
        var columns = new HashSet<string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}', '{schema}')";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
