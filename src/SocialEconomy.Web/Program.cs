using SocialEconomy.Web.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalLogging();
builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment);
builder.Services.AddPortalMvc();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UsePortalPipeline();
app.MapPortalEndpoints();
app.Logger.LogInformation("SocialEconomy portal starting; environment {Environment}", app.Environment.EnvironmentName);
await app.RunAsync();

// Exposed for WebApplicationFactory in the integration and browser tests.
public partial class Program;
