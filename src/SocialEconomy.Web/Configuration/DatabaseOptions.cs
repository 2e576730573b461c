namespace SocialEconomy.Web.Configuration;

/// <summary>The "Database" section of appsettings.json.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "SocialEconomy";

    /// <summary>Sqlite (the embedded default) or SqlServer.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where the SQLite file lives when no connection string is given; relative to the app.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>Apply pending migrations at start. On by default for SQLite; production SQL Server runs the script.</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>Load the Seongbuk-gu 2017–2020 reference plan on first start.</summary>
    public bool SeedReferencePlan { get; set; } = true;

    /// <summary>Create the demo accounts of README. Honoured in the Development environment only.</summary>
    public bool SeedDemoAccounts { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
