using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.ResultAttachments;

/// <summary>The evidence upload's limits (Attachments:MaxFileBytes); a too large file gets a Korean page with 413.</summary>
public sealed class AttachmentUploadLimitsAttribute : UploadLimitsAttribute
{
    protected override long MaxRequestBytes(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxRequestBytes;

    protected override IActionResult TooLarge(AuthorizationFilterContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<AttachmentOptions>>().Value;
        var back = context.HttpContext.Request.Path.Value is { } path && path.EndsWith("/attachments", StringComparison.Ordinal) ? path[..^"/attachments".Length] : "/results";
        return new ViewResult
        {
            ViewName = "~/Features/ResultAttachments/TooLarge.cshtml",
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

public sealed record TooLargeViewModel(string MaxFile, string BackUrl);
