using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.WebEncoders;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Configuration;

public static class WebSetup
{
    public static IServiceCollection AddPortalMvc(this IServiceCollection services)
    {
        // Every unsafe request must carry the antiforgery token; a missing one is a 400.
        services.AddControllersWithViews(o =>
        {
            o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            UseKoreanBindingMessages(o.ModelBindingMessageProvider);
            o.ModelBinderProviders.Insert(0, new Features.Shared.SubProjectCodeBinderProvider());

            // Control characters, non-characters and bidi overrides refused in every form (TextRules).
            o.ModelValidatorProviders.Add(new Features.Shared.TextRulesValidatorProvider());
        });
        services.AddSingleton(TimeProvider.System);

        // A feature is a folder: its controllers, view models and views sit together (FeatureViewLocations).
        services.Configure<RazorViewEngineOptions>(o =>
        {
            o.ViewLocationFormats.Clear();
            o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
            o.ViewLocationFormats.Add("/Features/{0}.cshtml");
            o.ViewLocationExpanders.Add(new Features.Shared.FeatureViewLocations());
        });

        // Route templates are written in lower case; a generated URL keeps its values as they
        // are, since a sub-project code "A-1" lowercased to "a-1" names no sub-project.
        services.AddRouting(o => o.LowercaseUrls = false);

        // Razor would otherwise write every Hangul syllable as a numeric entity.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<Data.PlanSnapshots>();
        services.AddScoped<Features.Plans.PlanQueries>();
        services.AddScoped<Features.PlanWorkbook.PlanWorkbookService>();
        services.AddSingleton<Features.PlanWorkbook.PendingPlanImports>();
        services.AddOptions<Features.PlanWorkbook.PlanWorkbookOptions>().BindConfiguration(Features.PlanWorkbook.PlanWorkbookOptions.Section);
        services.AddKeyedSingleton(Features.PlanWorkbook.WorkbookImportLimitAttribute.LimiterKey, Features.PlanWorkbook.WorkbookImportLimitAttribute.CreateLimiter);
        services.AddScoped<Features.AdminUsers.UserAdministration>();
        services.AddScoped<Features.AdminGovernments.GovernmentAdministration>();
        services.AddScoped<Features.AdminDepartments.DepartmentAdministration>();
        services.AddScoped<Features.PlanEditing.SubProjectTablesEditor>();
        services.AddScoped<Features.PlanRevisions.RevisionTableQuery>();
        services.AddScoped<Features.AdminAudit.AuditQueries>();
        services.AddScoped<Features.Province.ProvinceOverview>();
        services.AddScoped<Features.Results.ResultEntry>();
        services.AddScoped<Features.SelfEvaluations.SelfEvaluationPages>();
        services.AddOptions<Features.Reports.ReportOptions>().BindConfiguration("Reports");
        services.AddSingleton<Features.Reports.ReportPrinter>();
        services.AddScoped<Features.ResultAttachments.EvidenceStore>();
        services.AddScoped<Features.ResultsWorkbook.ResultsWorkbookImport>();
        services.AddOptions<Features.Notifications.MailOptions>().BindConfiguration(Features.Notifications.MailOptions.Section);
        services.AddScoped<Features.Notifications.ReminderRun>();
        services.AddSingleton<Features.Notifications.MailSender>();
        services.AddHostedService<Features.Notifications.NotificationWorker>();
        services.AddOptions<Features.ResultAttachments.AttachmentOptions>().BindConfiguration(Features.ResultAttachments.AttachmentOptions.Section);
        return services;
    }

    /// <summary>A value the binder cannot read ("abc" for a year, "2027.13.1" for a date) is reported in Korean beside its field.</summary>
    private static void UseKoreanBindingMessages(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"'{value}'은(는) {field}에 맞는 값이 아닙니다.");
        messages.SetValueIsInvalidAccessor(value => $"'{value}'은(는) 올바른 값이 아닙니다.");
        messages.SetValueMustBeANumberAccessor(field => $"{field}은(는) 숫자로 입력하세요.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"'{value}'은(는) 올바른 값이 아닙니다.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "숫자로 입력하세요.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"{field}에 올바른 값을 입력하세요.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "올바른 값을 입력하세요.");
        messages.SetValueMustNotBeNullAccessor(_ => "값을 입력하세요.");
        messages.SetMissingBindRequiredValueAccessor(field => $"{field}을(를) 입력하세요.");
        messages.SetMissingKeyOrValueAccessor(() => "값을 입력하세요.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "보낸 내용이 비어 있습니다.");
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Only the proxies named in Security:KnownProxies / KnownNetworks are believed; with
        // none named the middleware is left out, since with empty lists it believes everyone.
        if (app.Services.GetRequiredService<SecurityOptions>().TrustsAProxy)
        {
            app.UseForwardedHeaders();
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<MethodFilterMiddleware>();
        app.UsePortalRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();

        // A %00 in a url-encoded form reaches model binding instead of making the form unreadable.
        var formOptions = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Features.FormOptions>>().Value;
        app.Use((context, next) =>
        {
            if (UrlEncodedFormFeature.IsUrlEncoded(context.Request))
            {
                context.Features.Set<Microsoft.AspNetCore.Http.Features.IFormFeature>(new UrlEncodedFormFeature(context.Request, formOptions));
            }

            return next(context);
        });
        app.UseMiddleware<BadRequestBodyMiddleware>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<AccountDutiesMiddleware>();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        app.MapControllers();
        return app;
    }
}
