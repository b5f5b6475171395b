//! Encodes a screenshot (an egui `ColorImage`) as a PNG file's bytes.

use egui::ColorImage;

/// The image as PNG bytes: 8-bit RGBA, un-premultiplied as PNG expects.
pub fn encode_png(image: &ColorImage) -> Result<Vec<u8>, String> {
    let [width, height] = image.size;
    let too_big = |_| format!("image of {width}×{height} pixels is too large for PNG");
    let w = u32::try_from(width).map_err(too_big)?;
    let h = u32::try_from(height).map_err(too_big)?;
    let mut rgba = Vec::with_capacity(width * height * 4);
    for pixel in &image.pixels {
        rgba.extend_from_slice(&pixel.to_srgba_unmultiplied());
    }
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, w, h);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&rgba).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(bytes)
}
