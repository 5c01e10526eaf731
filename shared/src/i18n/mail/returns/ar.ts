import type { ReturnMailCatalog } from './types.ts'

export const ar: ReturnMailCatalog = {
  sendTo: 'أرسل المنتجات إلى:',
  rmaLine: 'اكتب مرجع الإرجاع هذا على الطرد: {rma}',
  labelAction: 'نزّل ملصق الإرجاع',
  labelLater: 'إذا وفّر المتجر ملصق إرجاع، فسنرسله إليك.',
  labelReadySubject: 'ملصق الإرجاع للطلب {order}',
  labelReadyLead: 'ملصق الإرجاع للطلب {order} جاهز.',
  receivedSubject: 'استلمنا مرتجعك للطلب {order}',
  receivedLead: 'استلمنا المنتجات التي أعدتها من الطلب {order}.',
  receivedPartly: 'لم تصل بعض منتجات مرتجعك بعد.',
  receivedRefund: 'في طريقه إليك استرداد بقيمة {amount} إلى وسيلة الدفع الأصلية.',
}
