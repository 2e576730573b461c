using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.ResultAttachments;

/// <summary>The evidence upload's limits (Attachments:MaxFileBytes); a too large file gets a Korean page with 413.</summary>
public class AttachmentUploadLimitsAttribute : UploadLimitsAttribute
{
    protected override long MaxRequestBytes(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxRequestBytes;

    protected override IActionResult TooLarge(AuthorizationFilterContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<AttachmentOptions>>().Value;
        // Both limited forms post to a URL of one sub-project's year result: back is its page.
        var values = context.RouteData.Values;
        var links = context.HttpContext.RequestServices.GetRequiredService<LinkGenerator>();
        var back = links.GetPathByAction(context.HttpContext, nameof(Results.YearResultsController.SubProject), "YearResults", new { planId = values["planId"], year = values["year"], code = values["code"] })
            ?? links.GetPathByAction(context.HttpContext, nameof(Results.ResultsPeriodsController.Index), "ResultsPeriods")!;
        return new ViewResult
        {
            ViewName = "ResultAttachments/TooLarge",
            StatusCode = StatusCodes.Status413PayloadTooLarge,
            ViewData = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary<TooLargeViewModel>(
                context.HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Mvc.ModelBinding.IModelMetadataProvider>(),
                context.ModelState)
            {
                Model = new TooLargeViewModel(options.MaxFileLabel, back),
            },
        };
    }
}

/// <summary>
/// The year page's form: every field of a sub-project's tables plus, optionally, one
/// evidence file. It may carry as many fields as a large sub-project has rows.
/// </summary>
public sealed class ResultFormLimitsAttribute : AttachmentUploadLimitsAttribute
{
    protected override int ValueCountLimit => 2048;
}

public sealed record TooLargeViewModel(string MaxFile, string BackUrl);
