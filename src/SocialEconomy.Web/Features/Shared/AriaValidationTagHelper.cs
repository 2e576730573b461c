using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SocialEconomy.Web.Features.Shared;

/// <summary>
/// Links a field to its error message for screen readers: an invalid field gets
/// aria-invalid and aria-describedby pointing at the message's id ("{id}-error"), which
/// the views put on the asp-validation-for span (KWCAG: 오류 정정).
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class AriaValidationTagHelper : TagHelper
{
    // Run after the framework's input tag helpers have written id and name.
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            var id = output.Attributes["id"]?.Value?.ToString() ?? TagBuilder.CreateSanitizedId(name, "_");
            output.Attributes.SetAttribute("aria-invalid", "true");
            output.Attributes.SetAttribute("aria-describedby", $"{id}-error");
        }
    }
}
