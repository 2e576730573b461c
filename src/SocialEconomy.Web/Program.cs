using SocialEconomy.Web.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
builder.AddPortalLogging();
builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment);
builder.Services.AddPortalSecurity(builder.Configuration, builder.Environment);
builder.Services.AddPortalMvc();

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

if (!StartupChecks.AllowedHostsAreNamed(app))
{
    // Disposing the app flushes the asynchronous log sinks, so the line saying what to set is written.
    await app.DisposeAsync();
    return 1;
}

StartupChecks.StopUnlessHttpsIsServed(app);
app.UsePortalPipeline();
app.MapPortalEndpoints();
app.Logger.LogInformation("SocialEconomy portal starting; environment {Environment}", app.Environment.EnvironmentName);
await app.RunAsync();
return Environment.ExitCode;

// Exposed for WebApplicationFactory in the integration and browser tests.
public partial class Program;
